package io.polystore.mandate.customer;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Customer", description = "One of the tenant's customers: the party that grants mandates.")
public record CustomerView(@Schema(required = true) long id,
        @Schema(required = true, description = "The tenant's own id for it, unique among its live customers") String externalRef,
        @Schema(required = true) String name, @Schema(required = true, nullable = true) String email,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.id, customer.externalRef, customer.name, customer.email, customer.createdAt,
                customer.updatedAt);
    }
}
