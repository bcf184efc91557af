package io.polystore.mandate.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new customer. */
@Schema(name = "CreateCustomer")
public record CustomerRequest(
        @Schema(required = true, description = "The tenant's own id for the customer") @NotNull @NotBlank @Size(max = 128) String externalRef,
        @Schema(required = true) @NotNull @NotBlank @Size(max = 200) String name,
        @Size(max = 254) @Email String email) {
}
