package io.polystore.catalog.product;

import static io.polystore.catalog.product.ProductProperty.flag;
import static io.polystore.catalog.product.ProductProperty.measure;
import static io.polystore.catalog.product.ProductProperty.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The six product types of the welding catalog. Each is also the second label of a product node, next to
 * {@code :Product}: {@code (:Product:PowerSource {gin: ...})}, and carries the properties the seed gives it.
 */
public enum ProductType {
    POWER_SOURCE("PowerSource", text("process"), measure("current_output", "A"), text("material"), text("cooling"),
            text("duty_cycle"), flag("integrated_cooler"), flag("feeder_required")), FEEDER("Feeder",
                    text("cooling_type"), text("wire_diameter"),
                    text("motor_type")), COOLER("Cooler", text("cooling_capacity")), INTERCONNECTOR("Interconnector",
                            measure("cable_length", "m")), TORCH("Torch", measure("amperage", "A"),
                                    text("cooling")), ACCESSORY("Accessory", text("category"));

    /** {@code p:PowerSource:Feeder:...}: every type label of node {@code p}, e.g. to remove them all. */
    public static final String ALL_LABELS = Arrays.stream(values()).map(ProductType::label)
            .collect(Collectors.joining(":", "p:", ""));

    private final String label;
    private final List<ProductProperty> properties;

    ProductType(String label, ProductProperty... properties) {
        this.label = label;
        this.properties = List.of(properties);
    }

    /** The node label of this type; a fixed identifier, never user input, so it can be written into Cypher. */
    public String label() {
        return label;
    }

    /** The properties a product of this type may carry, besides gin, name and description. */
    public List<ProductProperty> properties() {
        return properties;
    }

    public Optional<ProductProperty> property(String field) {
        return properties.stream().filter(p -> p.field().equals(field)).findFirst();
    }

    /** The type whose label is among the given node labels. */
    public static Optional<ProductType> fromLabels(Collection<String> labels) {
        return Arrays.stream(values()).filter(type -> labels.contains(type.label)).findFirst();
    }

    /** The type with exactly this label (as the API and the import spell it). */
    public static Optional<ProductType> fromLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }

    /** Every label, for messages: "PowerSource, Feeder, ...". */
    public static String labels() {
        return Arrays.stream(values()).map(ProductType::label).collect(Collectors.joining(", "));
    }
}
