package io.polystore.catalog.product;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Reads product nodes into {@link Product}s. */
public final class ProductNodes {

    private ProductNodes() {
    }

    public static Product toProduct(Node node) {
        String gin = node.get("gin").asString();
        Set<String> labels = new HashSet<>();
        node.labels().forEach(labels::add);
        ProductType type = ProductType.fromLabels(labels)
                .orElseThrow(() -> new IllegalStateException("product " + gin + " has no type label"));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ProductProperty property : type.properties()) {
            Value value = node.get(property.name());
            if (!value.isNull()) {
                values.put(property.name(),
                        property.kind() == ProductProperty.Kind.FLAG ? value.asBoolean() : value.asString());
            }
        }
        return new Product(gin, node.get("name").asString(null), type, node.get("description").asString(null),
                values, instant(node.get("created_at")), instant(node.get("updated_at")));
    }

    private static Instant instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant();
    }
}
