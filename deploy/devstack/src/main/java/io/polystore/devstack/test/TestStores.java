package io.polystore.devstack.test;

import io.polystore.devstack.store.ContainerStoreServer;
import io.polystore.devstack.store.DatabaseAccount;
import io.polystore.devstack.store.FreePort;
import io.polystore.devstack.store.MariaDbServer;
import io.polystore.devstack.store.PostgresServer;
import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.store.StoreServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stores of one test JVM: each starts on first use and stops when the JVM exits. Embedded by default (a free port,
 * a temporary directory); with {@code POLYSTORE_TEST_STORES=containers} a container of the pinned image
 * ({@link TestStoreMode}, {@link ContainerStoreServer}). Quarkus restarts the application between test classes with
 * different resources; the stores stay up.
 */
public final class TestStores {

    private static final Map<StoreKind, StoreServer> RUNNING = new EnumMap<>(StoreKind.class);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStores::stopAll, "test-stores-shutdown"));
    }

    private TestStores() {
    }

    public static synchronized StoreServer get(StoreKind kind) {
        return RUNNING.computeIfAbsent(kind, TestStores::start);
    }

    /** Starts (once) the SQL server of this kind and makes sure the database and its owner exist. */
    public static synchronized StoreServer withDatabase(StoreKind kind, DatabaseAccount account) {
        StoreServer server = get(kind);
        if (server instanceof MariaDbServer mariaDb) {
            mariaDb.createDatabase(account);
        } else if (server instanceof PostgresServer postgres) {
            postgres.createDatabase(account);
        } else if (server instanceof ContainerStoreServer container) {
            container.createDatabase(account);
        } else {
            throw new IllegalArgumentException(kind + " has no databases");
        }
        return server;
    }

    /** Stops a running store, as an outage would; {@link #get} starts a new one on a new port. */
    public static synchronized void stop(StoreKind kind) {
        StoreServer server = RUNNING.remove(kind);
        if (server != null) {
            server.close();
        }
    }

    private static StoreServer start(StoreKind kind) {
        if (TestStoreMode.current() == TestStoreMode.CONTAINERS) {
            return ContainerStoreServer.start(kind);
        }
        try {
            Path root = Files.createTempDirectory("polystore-test-" + kind.label());
            return kind.start(FreePort.find(), root, List.of(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(server -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("store did not stop cleanly: " + e.getMessage());
            }
        });
        RUNNING.clear();
    }
}
