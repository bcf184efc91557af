package io.polystore.devstack.test;

import io.polystore.devstack.store.StoreKind;
import java.sql.SQLException;
import java.sql.Statement;

/** A MariaDB database for the test JVM; {@code POLYSTORE_TEST_MYSQL_URL} points it at an external server. */
public class MariaDbTestResource extends SqlTestResource {

    @Override
    protected StoreKind kind() {
        return StoreKind.MARIADB;
    }

    @Override
    protected String externalVariable() {
        return "POLYSTORE_TEST_MYSQL_URL";
    }

    @Override
    protected String reactiveScheme() {
        return "mysql";
    }

    @Override
    protected String jdbcScheme() {
        return "mariadb";
    }

    @Override
    protected void createDatabaseIfMissing(Statement statement, String database) throws SQLException {
        statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
    }
}
