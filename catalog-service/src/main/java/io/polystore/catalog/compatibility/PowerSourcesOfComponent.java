package io.polystore.catalog.compatibility;

import io.polystore.catalog.product.ProductView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A component and the power sources it is compatible with. */
@Schema(name = "PowerSourcesOfComponent")
public record PowerSourcesOfComponent(ProductView product, List<CompatibleComponent> powerSources) {
}
