package io.polystore.devstack.test;

import java.util.Locale;

/**
 * Where the test resources get their stores, from {@code POLYSTORE_TEST_STORES}: {@code embedded} (the default: the
 * servers of deploy/devstack, no Docker needed) or {@code containers} (the pinned images of store-images.properties
 * through Testcontainers, on a machine with Docker). Anything else is refused, so a typo never silently falls back.
 */
public enum TestStoreMode {
    EMBEDDED, CONTAINERS;

    public static final String VARIABLE = "POLYSTORE_TEST_STORES";

    public static TestStoreMode current() {
        return parse(System.getenv(VARIABLE));
    }

    static TestStoreMode parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            default -> throw new IllegalArgumentException(
                    VARIABLE + "=" + value + ": expected embedded (the default) or containers");
        };
    }
}
