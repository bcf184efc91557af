package io.polystore.catalog.compatibility;

import java.util.Arrays;
import java.util.Optional;

/**
 * How sure a compatibility is, as the seed spells it in {@code COMPATIBLE_WITH.compatibility_type}. The package builder
 * prefers a certified component to a merely compatible one.
 */
public enum CompatibilityType {
    /** Tested and approved together. */
    CERTIFIED("certified"),
    /** Works together; not certified. */
    COMPATIBLE("compatible");

    private final String value;

    CompatibilityType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<CompatibilityType> of(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }

    public static String spellings() {
        return String.join(", ", Arrays.stream(values()).map(CompatibilityType::value).toList());
    }
}
