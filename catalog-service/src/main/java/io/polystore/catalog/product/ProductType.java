package io.polystore.catalog.product;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The six product categories of the welding catalog. Each is also the second label of a product node, next to
 * {@code :Product}: {@code (:Product:PowerSource {gin: ...})}.
 */
public enum ProductType {
    POWER_SOURCE("PowerSource"), FEEDER("Feeder"), COOLER("Cooler"), INTERCONNECTOR("Interconnector"), TORCH(
            "Torch"), ACCESSORY("Accessory");

    private final String label;

    ProductType(String label) {
        this.label = label;
    }

    /** The node label of this category; a fixed identifier, never user input, so it can be written into Cypher. */
    public String label() {
        return label;
    }

    /** The category whose label is among the given node labels. */
    public static Optional<ProductType> fromLabels(Collection<String> labels) {
        return Arrays.stream(values()).filter(type -> labels.contains(type.label)).findFirst();
    }
}
