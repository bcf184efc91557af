package io.polystore.mandate.customer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerPage")
public record CustomerPage(@Schema(required = true) List<CustomerView> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
