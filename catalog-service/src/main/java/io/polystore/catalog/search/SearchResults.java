package io.polystore.catalog.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The best matches, best first. */
@Schema(name = "SearchResults")
public record SearchResults(List<SearchHit> items) {
}
