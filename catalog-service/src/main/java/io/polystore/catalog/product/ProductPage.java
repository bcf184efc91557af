package io.polystore.catalog.product;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of products, by GIN. */
@Schema(name = "ProductPage")
public record ProductPage(List<ProductView> items,
        @Schema(description = "Pass it as `cursor` for the next page; null on the last page.", nullable = true) String nextCursor) {
}
