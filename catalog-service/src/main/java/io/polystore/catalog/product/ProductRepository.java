package io.polystore.catalog.product;

import io.polystore.catalog.graph.Graph;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.ResultCursor;

/**
 * Products as {@code (:Product:<Type> {gin, name, ...})} nodes; the GIN is unique across all types (migration V0001).
 * Type labels come from {@link ProductType}, never from the caller (labels cannot be query parameters before Neo4j
 * 5.26, and interpolating input would be Cypher injection).
 */
@ApplicationScoped
public class ProductRepository {

    /** What {@link #delete} found and did. */
    public record Deletion(boolean found, long relationships, boolean deleted) {
    }

    private final Graph graph;

    ProductRepository(Graph graph) {
        this.graph = graph;
    }

    /** The product with this GIN, or a {@code null} item when there is none. */
    public Uni<Product> findByGin(String gin) {
        return graph.read(tx -> tx.runAsync("MATCH (p:Product {gin: $gin}) RETURN p", Map.of("gin", gin))
                .thenCompose(ResultCursor::listAsync))
                .map(records -> records.isEmpty() ? null : ProductNodes.toProduct(records.get(0).get("p").asNode()));
    }

    /**
     * One page in GIN order, after {@code afterGin} (null: from the start). The GIN's unique index serves the order and
     * the keyset; the filters are predicates on the same scan, or on a type's range index when they are selective.
     *
     * @return up to {@code limit} products
     */
    public Uni<List<Product>> list(ProductFilter filter, String afterGin, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String query = listQuery(filter, afterGin, limit, parameters);
        return graph.read(tx -> tx.runAsync(query, parameters).thenCompose(ResultCursor::listAsync))
                .map(ProductRepository::products);
    }

    /**
     * The query of {@link #list}, its parameters put into {@code parameters}; public for the benchmark's PROFILE.
     */
    public static String listQuery(ProductFilter filter, String afterGin, int limit, Map<String, Object> parameters) {
        String label = filter.type() == null ? "" : ":" + filter.type().label();
        // a predicate on gin even on the first page: it lets the planner serve ORDER BY from the index
        String keyset = afterGin == null ? "p.gin >= ''" : "p.gin > $after";
        String filters = filter.where(parameters);
        if (afterGin != null) {
            parameters.put("after", afterGin);
        }
        parameters.put("limit", limit);
        return "MATCH (p:Product" + label + ") WHERE " + keyset + (filters.isEmpty() ? "" : " AND " + filters)
                + " RETURN p ORDER BY p.gin LIMIT $limit";
    }

    /**
     * Creates or updates products of one type by GIN, in one transaction: the node gets exactly this type's label and
     * exactly the given properties (a property no longer given is removed), keeps its {@code created_at} and gets
     * {@code updated_at} = {@code now}, unless the products carry their own timestamps (an export being restored).
     *
     * @return how many nodes were created
     */
    public Uni<Integer> upsert(ProductType type, List<Product> products, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>(products.size());
        for (Product product : products) {
            Map<String, Object> row = new HashMap<>();
            row.put("props", product.nodeProperties());
            row.put("createdAt", utc(product.createdAt()));
            row.put("updatedAt", utc(product.updatedAt()));
            rows.add(row);
        }
        String query = "UNWIND $rows AS row "
                + "MERGE (p:Product {gin: row.props.gin}) "
                + "WITH p, row, p.created_at AS created "
                + "REMOVE " + ProductType.ALL_LABELS + " "
                + "SET p = row.props "
                + "SET p:" + type.label() + ", p.created_at = coalesce(row.createdAt, created, $now), "
                + "p.updated_at = coalesce(row.updatedAt, $now)";
        Map<String, Object> parameters = Map.of("rows", rows, "now", utc(now));
        return graph.bulkWrite(tx -> tx.runAsync(query, parameters).thenCompose(ResultCursor::consumeAsync))
                .map(summary -> summary.counters().nodesCreated());
    }

    /**
     * Deletes the product. While it has compatibility relationships it stays, unless {@code detach}: then they go with
     * it.
     */
    public Uni<Deletion> delete(String gin, boolean detach) {
        String query = "OPTIONAL MATCH (p:Product {gin: $gin}) "
                + "WITH p, CASE WHEN p IS NULL THEN 0 ELSE COUNT { (p)-[:COMPATIBLE_WITH]-() } END AS relationships "
                + "CALL (p, relationships) { WITH p, relationships WHERE p IS NOT NULL AND (relationships = 0 OR $detach) "
                + "DETACH DELETE p RETURN count(*) AS deleted } "
                + "RETURN p IS NOT NULL AS found, relationships, deleted > 0 AS deleted";
        return graph.bulkWrite(tx -> tx.runAsync(query, Map.of("gin", gin, "detach", detach))
                .thenCompose(ResultCursor::singleAsync))
                .map(r -> new Deletion(r.get("found").asBoolean(), r.get("relationships").asLong(),
                        r.get("deleted").asBoolean()));
    }

    /**
     * Deletes up to {@code batch} products with their relationships, in one transaction (a whole large catalog at once
     * would outgrow the transaction's memory); the schema and the migration records stay.
     *
     * @return how many products were deleted; 0 when none is left
     */
    public Uni<Integer> deleteSome(int batch) {
        return graph.bulkWrite(tx -> tx.runAsync("MATCH (p:Product) WITH p LIMIT $batch DETACH DELETE p",
                Map.of("batch", batch)).thenCompose(ResultCursor::consumeAsync))
                .map(summary -> summary.counters().nodesDeleted());
    }

    static List<Product> products(List<Record> records) {
        return records.stream().map(r -> ProductNodes.toProduct(r.get("p").asNode())).toList();
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
