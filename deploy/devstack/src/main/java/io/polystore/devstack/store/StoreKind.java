package io.polystore.devstack.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The four stores Polystore runs on, and how each is started in a directory of its own. */
public enum StoreKind {
    MARIADB, POSTGRES, REDIS, NEO4J;

    /**
     * Starts the store on a fixed port with its files under {@code root}.
     *
     * @param accounts
     *            databases and owners to create (SQL stores only)
     * @param durable
     *            keep the data as a developer would expect across restarts (false for throw-away test data)
     */
    public StoreServer start(int port, Path root, List<DatabaseAccount> accounts, boolean durable) {
        return switch (this) {
            case MARIADB -> {
                MariaDbServer server = MariaDbServer.start(port, root.resolve("data"), root.resolve("base"));
                accounts.forEach(server::createDatabase);
                yield server;
            }
            case POSTGRES -> {
                PostgresServer server = PostgresServer.start(port, root.resolve("data"), durable);
                accounts.forEach(server::createDatabase);
                yield server;
            }
            case REDIS -> RedisStoreServer.start(port, root);
            case NEO4J -> Neo4jServer.start(port, root);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
