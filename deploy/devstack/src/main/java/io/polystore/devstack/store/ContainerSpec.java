package io.polystore.devstack.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a store runs as a container for tests (POLYSTORE_TEST_STORES=containers): the pinned image, the port it listens
 * on, its environment and command, and the log line that says it is ready. Throw-away test data only: the admin
 * password is fixed, nothing is persisted.
 *
 * @param readyTimes
 *            how often the ready line appears (MariaDB and PostgreSQL images start a temporary server first)
 */
public record ContainerSpec(String image, int port, Map<String, String> env, List<String> command,
        String readyLogPattern, int readyTimes, String adminUser, String adminPassword) {

    /** The admin password of the SQL containers (test data only). */
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String IMAGES = "/io/polystore/devstack/store-images.properties";

    public static ContainerSpec of(StoreKind kind) {
        String image = images().getProperty(kind.label());
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("no image for " + kind.label() + " in " + IMAGES);
        }
        return switch (kind) {
            case MARIADB -> new ContainerSpec(image, 3306, Map.of("MARIADB_ROOT_PASSWORD", ADMIN_PASSWORD), List.of(),
                    ".*ready for connections.*", 2, "root", ADMIN_PASSWORD);
            case POSTGRES -> new ContainerSpec(image, 5432, Map.of("POSTGRES_PASSWORD", ADMIN_PASSWORD), List.of(),
                    ".*database system is ready to accept connections.*", 2, "postgres", ADMIN_PASSWORD);
            // Sessions are never evicted (the production policy), and tests need no persistence.
            case REDIS -> new ContainerSpec(image, 6379, Map.of(),
                    List.of("redis-server", "--maxmemory-policy", "noeviction", "--save", "", "--appendonly", "no"),
                    ".*Ready to accept connections.*", 1, null, null);
            // Authentication off, as the embedded Neo4j the test resources point at.
            case NEO4J -> new ContainerSpec(image, 7687,
                    Map.of("NEO4J_AUTH", "none", "NEO4J_server_memory_heap_max__size", "512m"), List.of(),
                    ".*Started\\..*", 1, null, null);
        };
    }

    static Properties images() {
        Properties images = new Properties();
        try (InputStream in = ContainerSpec.class.getResourceAsStream(IMAGES)) {
            if (in == null) {
                throw new IllegalStateException(IMAGES + " missing from the classpath");
            }
            images.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }
}
