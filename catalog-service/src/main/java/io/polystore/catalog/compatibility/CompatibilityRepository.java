package io.polystore.catalog.compatibility;

import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.ProductNodes;
import io.polystore.catalog.product.ProductType;
import io.polystore.catalog.product.ProductView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.ResultCursor;

/**
 * The {@code COMPATIBLE_WITH} relationships. Both directions of a question start from one product found through the
 * GIN's unique index and expand its relationships: no scan.
 */
@ApplicationScoped
public class CompatibilityRepository {

    /** A product and its compatible products; {@code product} is null when the GIN is unknown. */
    public record Neighbourhood(ProductView product, List<CompatibleComponent> compatible) {
    }

    private final Graph graph;

    CompatibilityRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The components compatible with the power source {@code gin}, of {@code type} (null: every type), ordered by type,
     * certified first, then GIN. The answer's {@code product} is whatever has that GIN (the caller checks its type).
     */
    public Uni<Neighbourhood> componentsOf(String gin, ProductType type) {
        return neighbourhood(componentsQuery(type), gin);
    }

    /** The query of {@link #componentsOf} (parameter {@code gin}); public for the benchmark's PROFILE. */
    public static String componentsQuery(ProductType type) {
        String label = type == null ? "Product" : type.label();
        return "MATCH (ps:Product {gin: $gin}) "
                + "OPTIONAL MATCH (c:" + label + ")-[r:COMPATIBLE_WITH]->(ps) "
                + "WITH ps, c, r ORDER BY r.compatibility_type = 'certified' DESC, c.gin "
                + "RETURN ps, collect({node: c, type: r.compatibility_type, notes: r.notes}) AS compatible";
    }

    /** The power sources the component {@code gin} is compatible with, certified first, then by GIN. */
    public Uni<Neighbourhood> powerSourcesOf(String gin) {
        String query = "MATCH (c:Product {gin: $gin}) "
                + "OPTIONAL MATCH (c)-[r:COMPATIBLE_WITH]->(ps:PowerSource) "
                + "WITH c, ps AS other, r ORDER BY r.compatibility_type = 'certified' DESC, other.gin "
                + "RETURN c AS ps, collect({node: other, type: r.compatibility_type, notes: r.notes}) AS compatible";
        return neighbourhood(query, gin);
    }

    private Uni<Neighbourhood> neighbourhood(String query, String gin) {
        return graph.read(tx -> tx.runAsync(query, Map.of("gin", gin)).thenCompose(ResultCursor::listAsync))
                .map(records -> records.isEmpty()
                        ? new Neighbourhood(null, List.of())
                        : toNeighbourhood(records.get(0)));
    }

    private static Neighbourhood toNeighbourhood(Record record) {
        ProductView product = ProductView.of(ProductNodes.toProduct(record.get("ps").asNode()));
        List<CompatibleComponent> compatible = new ArrayList<>();
        for (Value entry : record.get("compatible").values()) {
            if (!entry.get("node").isNull()) {
                compatible
                        .add(new CompatibleComponent(ProductView.of(ProductNodes.toProduct(entry.get("node").asNode())),
                                entry.get("type").asString(null), entry.get("notes").asString(null)));
            }
        }
        return new Neighbourhood(product, compatible);
    }

    /**
     * Creates or updates relationships in one transaction; both ends must exist (the import checked). Keeps a
     * relationship's {@code created_at} unless the line carries one.
     *
     * @return how many relationships were created
     */
    public Uni<Integer> upsert(List<Compatibility> compatibilities, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>(compatibilities.size());
        for (Compatibility compatibility : compatibilities) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", compatibility.from());
            row.put("to", compatibility.to());
            row.put("type", compatibility.type().value());
            row.put("notes", compatibility.notes());
            row.put("createdAt", compatibility.createdAt() == null
                    ? null
                    : compatibility.createdAt().atOffset(ZoneOffset.UTC));
            rows.add(row);
        }
        String query = "UNWIND $rows AS row "
                + "MATCH (c:Product {gin: row.from}) "
                + "MATCH (ps:Product {gin: row.to}) "
                + "MERGE (c)-[r:COMPATIBLE_WITH]->(ps) "
                + "SET r.compatibility_type = row.type, r.notes = row.notes, "
                + "r.created_at = coalesce(row.createdAt, r.created_at, $now)";
        Map<String, Object> parameters = Map.of("rows", rows, "now", now.atOffset(ZoneOffset.UTC));
        return graph.bulkWrite(tx -> tx.runAsync(query, parameters).thenCompose(ResultCursor::consumeAsync))
                .map(summary -> summary.counters().relationshipsCreated());
    }
}
