package io.polystore.catalog.transfer;

import io.polystore.catalog.compatibility.Compatibility;
import io.polystore.catalog.compatibility.CompatibilityType;
import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.ProductNodes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.ResultCursor;

/**
 * Reads the catalog as import lines ({@link CatalogLines}), page by page in GIN order: each product followed by its
 * outgoing compatibilities by the GIN of their power source, so an export holds every node and relationship exactly
 * once, is the same file for the same catalog, and imports back as it was.
 */
@ApplicationScoped
public class CatalogExporter {

    /** One page of lines; {@code lastGin} is where the next page starts, null after the last. */
    public record Page(List<String> lines, int products, int compatibilities, String lastGin) {
    }

    private static final String QUERY = "MATCH (p:Product) WHERE p.gin > $after "
            + "WITH p ORDER BY p.gin LIMIT $limit "
            + "RETURN p, COLLECT { MATCH (p)-[r:COMPATIBLE_WITH]->(other:Product) RETURN {to: other.gin, "
            + "type: r.compatibility_type, notes: r.notes, createdAt: r.created_at} AS c ORDER BY other.gin } "
            + "AS compatibilities ORDER BY p.gin";

    private final Graph graph;

    CatalogExporter(Graph graph) {
        this.graph = graph;
    }

    /** The page after {@code afterGin} ("" for the first), of at most {@code limit} products. */
    public Uni<Page> page(String afterGin, int limit) {
        return graph.read(tx -> tx.runAsync(QUERY, Map.of("after", afterGin, "limit", limit))
                .thenCompose(ResultCursor::listAsync))
                .map(records -> toPage(records, limit));
    }

    private static Page toPage(List<Record> records, int limit) {
        List<String> lines = new ArrayList<>();
        int compatibilities = 0;
        String last = null;
        for (Record record : records) {
            var product = ProductNodes.toProduct(record.get("p").asNode());
            lines.add(CatalogLines.format(product));
            last = product.gin();
            for (Value relationship : record.get("compatibilities").values()) {
                lines.add(CatalogLines.format(new Compatibility(product.gin(), relationship.get("to").asString(),
                        CompatibilityType.of(relationship.get("type").asString(null))
                                .orElse(CompatibilityType.COMPATIBLE),
                        relationship.get("notes").asString(null),
                        relationship.get("createdAt").isNull()
                                ? null
                                : relationship.get("createdAt").asZonedDateTime().toInstant())));
                compatibilities++;
            }
        }
        return new Page(lines, records.size(), compatibilities, records.size() < limit ? null : last);
    }
}
