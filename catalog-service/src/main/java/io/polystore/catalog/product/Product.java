package io.polystore.catalog.product;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A product of the catalog, identified by its GIN (Global Item Number: ten digits, leading zeros kept), unique across
 * all types.
 *
 * @param values
 *            the type's properties that are set, by node property name ({@code current_output}): text or boolean, as
 *            imported; numeric copies of measures are derived ({@link #numericValues()})
 * @param createdAt
 *            null before it is stored
 * @param updatedAt
 *            null before it is stored
 */
public record Product(String gin, String name, ProductType type, String description, Map<String, Object> values,
        Instant createdAt, Instant updatedAt) {

    public static final Pattern GIN = Pattern.compile("[0-9]{10}");
    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 2000;

    public Product {
        values = Map.copyOf(values);
    }

    /** The numbers of the measures that are set, by node property ({@code current_output_a → 500}). */
    public Map<String, Number> numericValues() {
        Map<String, Number> numbers = new LinkedHashMap<>();
        for (ProductProperty property : type.properties()) {
            Object value = values.get(property.name());
            if (property.kind() == ProductProperty.Kind.MEASURE && value instanceof String text) {
                property.parse(text).ifPresent(number -> numbers.put(property.numericName(), number));
            }
        }
        return numbers;
    }

    /** What the node holds besides gin, labels and timestamps: name, description, values and numeric copies. */
    public Map<String, Object> nodeProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("gin", gin);
        properties.put("name", name);
        if (description != null) {
            properties.put("description", description);
        }
        properties.putAll(values);
        properties.putAll(numericValues());
        return properties;
    }
}
