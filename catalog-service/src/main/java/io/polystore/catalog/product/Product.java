package io.polystore.catalog.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A product of the catalog, identified by its GIN (Global Item Number), unique across all categories.
 */
public record Product(
        @NotBlank @Size(max = 64) String gin,
        @NotBlank @Size(max = 300) String name,
        @NotNull ProductType type) {
}
