package io.polystore.session.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What session-service keeps of catalog-service's product: the rest of its answer is not needed here. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String gin, String name, String type) {
}
