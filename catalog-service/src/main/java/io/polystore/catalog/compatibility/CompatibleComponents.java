package io.polystore.catalog.compatibility;

import io.polystore.catalog.product.ProductView;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A power source and the components compatible with it, grouped by type. */
@Schema(name = "CompatibleComponents")
public record CompatibleComponents(ProductView powerSource,
        @Schema(description = "By type label (Feeder, Cooler, Interconnector, Torch, Accessory): every type when none was asked for, else only that one; each list certified first, then by GIN.") Map<String, List<CompatibleComponent>> components) {
}
