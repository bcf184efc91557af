package io.polystore.catalog.compatibility;

import io.polystore.catalog.product.ProductView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product and how it is compatible with the power source asked about. */
@Schema(name = "CompatibleProduct")
public record CompatibleComponent(ProductView product,
        @Schema(description = "certified or compatible.", examples = "certified") String compatibilityType,
        @Schema(nullable = true) String notes) {
}
