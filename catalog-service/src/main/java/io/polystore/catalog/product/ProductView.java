package io.polystore.catalog.product;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as the API answers it. */
@Schema(name = "Product", description = "A product of the catalog.")
public record ProductView(
        @Schema(description = "Global Item Number: ten digits, leading zeros kept.", examples = "0446200880") String gin,
        @Schema(examples = "Aristo 500ix") String name,
        @Schema(description = "One of PowerSource, Feeder, Cooler, Interconnector, Torch, Accessory.", examples = "PowerSource") String type,
        @Schema(nullable = true) String description,
        @Schema(description = "The type's properties that are set, in camelCase (currentOutput, coolingType, ...), with the numeric copy of each measure (currentOutputA, cableLengthM, amperageA).") Map<String, Object> properties,
        Instant createdAt,
        Instant updatedAt) {

    public static ProductView of(Product product) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Number> numbers = product.numericValues();
        for (ProductProperty property : product.type().properties()) {
            Object value = product.values().get(property.name());
            if (value != null) {
                properties.put(property.field(), value);
            }
            if (property.kind() == ProductProperty.Kind.MEASURE && numbers.containsKey(property.numericName())) {
                properties.put(property.numericField(), numbers.get(property.numericName()));
            }
        }
        return new ProductView(product.gin(), product.name(), product.type().label(), product.description(),
                properties, product.createdAt(), product.updatedAt());
    }
}
