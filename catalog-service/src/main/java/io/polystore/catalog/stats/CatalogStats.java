package io.polystore.catalog.stats;

import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.ProductType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.driver.async.ResultCursor;

/**
 * How big the catalog is: products by type label and relationships by type. Every count is a single-label or
 * single-type count, which Neo4j answers from its count store without touching a node, so it is cheap at any size.
 */
@ApplicationScoped
public class CatalogStats {

    /** Nodes by label (the six types and {@code Product}, all of them), relationships by type. */
    public record Counts(Map<String, Long> nodes, Map<String, Long> relationships) {
    }

    public static final String RELATIONSHIP = "COMPATIBLE_WITH";

    private static final List<String> LABELS = Stream.concat(Arrays.stream(ProductType.values())
            .map(ProductType::label), Stream.of("Product")).toList();

    /** One row, a column per count. */
    private static final String QUERY = LABELS.stream()
            .map(label -> "COUNT { MATCH (n:" + label + ") } AS " + label)
            .collect(Collectors.joining(", ", "RETURN ", ", "))
            + "COUNT { MATCH ()-[r:" + RELATIONSHIP + "]->() } AS " + RELATIONSHIP;

    private final Graph graph;

    CatalogStats(Graph graph) {
        this.graph = graph;
    }

    public Uni<Counts> counts() {
        return graph.read(tx -> tx.runAsync(QUERY).thenCompose(ResultCursor::singleAsync)).map(record -> {
            Map<String, Long> nodes = new LinkedHashMap<>();
            LABELS.forEach(label -> nodes.put(label, record.get(label).asLong()));
            return new Counts(nodes, Map.of(RELATIONSHIP, record.get(RELATIONSHIP).asLong()));
        });
    }
}
