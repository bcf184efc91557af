package io.polystore.devstack.test;

import io.polystore.devstack.store.DatabaseAccount;
import io.polystore.devstack.store.StoreKind;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives a service one database of its own on a real SQL server, through the standard Quarkus datasource keys (reactive
 * URL for Hibernate Reactive, JDBC URL for Flyway). Init arg {@code database} names it (default {@code test}).
 */
abstract class SqlTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "test-password";

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return ExternalServer.fromEnvironment(externalVariable())
                .map(this::onExternal)
                .orElseGet(this::onEmbedded);
    }

    @Override
    public void stop() {
        // The server serves every test class of this JVM; TestStores stops it at exit.
    }

    protected abstract StoreKind kind();

    protected abstract String externalVariable();

    protected abstract String reactiveScheme();

    protected abstract String jdbcScheme();

    /** SQL that creates the database on an external server (run as the user the environment names). */
    protected abstract void createDatabaseIfMissing(Statement statement, String database) throws SQLException;

    private Map<String, String> onEmbedded() {
        DatabaseAccount account = new DatabaseAccount(database, database, PASSWORD);
        int port = TestStores.withDatabase(kind(), account).port();
        return config("127.0.0.1:" + port, account.user(), account.password());
    }

    private Map<String, String> onExternal(ExternalServer server) {
        String adminUrl = "jdbc:" + jdbcScheme() + "://" + server.address() + "/" + adminDatabase();
        try (Connection connection = DriverManager.getConnection(adminUrl, server.user(), server.password());
                Statement statement = connection.createStatement()) {
            createDatabaseIfMissing(statement, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " on " + server.address(), e);
        }
        return config(server.address(), server.user(), server.password());
    }

    protected String adminDatabase() {
        return "";
    }

    private Map<String, String> config(String address, String user, String password) {
        return Map.of(
                "quarkus.datasource.reactive.url", reactiveScheme() + "://" + address + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:" + jdbcScheme() + "://" + address + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }
}
