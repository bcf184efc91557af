package io.polystore.catalog.search;

import io.polystore.catalog.product.ProductView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product found by a search, with its Lucene score (higher is a better match). */
@Schema(name = "SearchHit")
public record SearchHit(ProductView product, double score) {
}
