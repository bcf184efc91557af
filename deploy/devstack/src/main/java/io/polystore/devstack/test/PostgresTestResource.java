package io.polystore.devstack.test;

import io.polystore.devstack.store.StoreKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL database for the test JVM; {@code POLYSTORE_TEST_POSTGRES_URL} points it at an external server. */
public class PostgresTestResource extends SqlTestResource {

    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    protected String externalVariable() {
        return "POLYSTORE_TEST_POSTGRES_URL";
    }

    @Override
    protected String reactiveScheme() {
        return "postgresql";
    }

    @Override
    protected String jdbcScheme() {
        return "postgresql";
    }

    @Override
    protected String adminDatabase() {
        return "postgres";
    }

    @Override
    protected void createDatabaseIfMissing(Statement statement, String database) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (rows.next()) {
                return;
            }
        }
        statement.execute("CREATE DATABASE " + database);
    }
}
