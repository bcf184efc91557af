package io.polystore.catalog.compatibility;

import java.time.Instant;

/**
 * {@code (component)-[:COMPATIBLE_WITH {compatibility_type, notes, created_at}]->(powerSource)}: always from a
 * component (any type but PowerSource) to a power source, never a self-loop.
 *
 * @param notes
 *            may be null
 * @param createdAt
 *            null before it is stored (or to let the import stamp it)
 */
public record Compatibility(String from, String to, CompatibilityType type, String notes, Instant createdAt) {

    public static final int MAX_NOTES = 500;
}
