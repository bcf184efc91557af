package io.polystore.catalog.product;

import io.polystore.catalog.graph.Graph;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.types.Node;

/** Products as {@code (:Product:<Type> {gin, name})} nodes; the GIN is unique (migration V0001). */
@ApplicationScoped
public class ProductRepository {

    /** Removes every category label, so that a product whose category changed keeps exactly one. */
    private static final String REMOVE_TYPE_LABELS = Arrays.stream(ProductType.values())
            .map(ProductType::label)
            .collect(Collectors.joining(":", "p:", ""));

    private final Graph graph;

    ProductRepository(Graph graph) {
        this.graph = graph;
    }

    /** Creates the product, or updates the one with the same GIN (name and category). */
    public Uni<Product> save(@Valid @NotNull Product product) {
        // The label comes from the enum, not from the caller; labels cannot be query parameters before Neo4j 5.26.
        String query = "MERGE (p:Product {gin: $gin}) "
                + "REMOVE " + REMOVE_TYPE_LABELS + " "
                + "SET p:" + product.type().label() + ", p.name = $name "
                + "RETURN p";
        Map<String, Object> parameters = Map.of("gin", product.gin(), "name", product.name());
        return graph.write(tx -> tx.runAsync(query, parameters).thenCompose(ResultCursor::singleAsync))
                .map(ProductRepository::toProduct);
    }

    /** The product with this GIN, or a {@code null} item when there is none. */
    public Uni<Product> findByGin(String gin) {
        return graph.read(tx -> tx.runAsync("MATCH (p:Product {gin: $gin}) RETURN p", Map.of("gin", gin))
                .thenCompose(ResultCursor::listAsync))
                .map(records -> records.isEmpty() ? null : toProduct(records.get(0)));
    }

    private static Product toProduct(Record record) {
        Node node = record.get("p").asNode();
        String gin = node.get("gin").asString();
        Set<String> labels = new HashSet<>();
        node.labels().forEach(labels::add);
        ProductType type = ProductType.fromLabels(labels)
                .orElseThrow(() -> new IllegalStateException("product " + gin + " has no category label"));
        return new Product(gin, node.get("name").asString(null), type);
    }
}
