package io.polystore.incident.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.test.MariaDbTestResource;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V3 on a database that has keys from before it: they keep what they could do (every data scope plus
 * {@code keys:manage}), and new rows must name their scopes. Runs on a database of its own,
 * {@code incidents_migration}, on the same server as the module's other tests (a {@code @QuarkusTest} so that it shares
 * their running server).
 */
@QuarkusTest
class ApiKeyScopesMigrationTest {

    private static final String DATABASE = "incidents_migration";

    @Test
    void keysFromBeforeV3GetEveryScopeTheyHadAndNewKeysMustNameTheirs() throws SQLException {
        Flyway before = flyway(MigrationVersion.fromVersion("2"));
        before.clean(); // left over from an earlier run on an external server
        before.migrate();
        try (Connection connection = before.getConfiguration().getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO users (id, email, display_name) VALUES (1, 'old@example.com', 'Old')");
            sql.execute("INSERT INTO api_keys (id, user_id, name, prefix, secret_hash) "
                    + "VALUES (1, 1, 'old key', 'AAAAAAAAAAAA', REPEAT('x', 32))");

            assertEquals(1, flyway(MigrationVersion.fromVersion("3")).migrate().migrationsExecuted);

            try (ResultSet row = sql.executeQuery("SELECT scopes, parent_key_id FROM api_keys WHERE id = 1")) {
                assertTrue(row.next());
                // V3 gave what keys could do then: every data scope and keys:manage (not the scopes added later)
                List<String> migrated = new ArrayList<>(Scopes.DATA);
                migrated.add(Scopes.KEYS_MANAGE);
                assertEquals(Scopes.format(migrated), row.getString("scopes"));
                assertEquals(migrated, ApiKeyScopes.list(row.getString("scopes")));
                row.getLong("parent_key_id");
                assertTrue(row.wasNull());
            }
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO api_keys (user_id, name, prefix, "
                    + "secret_hash) VALUES (1, 'no scopes', 'BBBBBBBBBBBB', REPEAT('y', 32))"),
                    "the default served the old rows only");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO api_keys (user_id, name, prefix, "
                    + "secret_hash, scopes, parent_key_id) VALUES (1, 'orphan', 'CCCCCCCCCCCC', REPEAT('z', 32), "
                    + "'incidents', 999)"), "a parent must exist");
            sql.execute("INSERT INTO api_keys (user_id, name, prefix, secret_hash, scopes, parent_key_id) "
                    + "VALUES (1, 'child', 'DDDDDDDDDDDD', REPEAT('w', 32), 'incidents', 1)");
        }
    }

    private static Flyway flyway(MigrationVersion target) {
        MariaDbTestResource resource = new MariaDbTestResource();
        resource.init(Map.of("database", DATABASE));
        Map<String, String> config = resource.start();
        return Flyway.configure()
                .dataSource(config.get("quarkus.datasource.jdbc.url"), config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"))
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .target(target)
                .load();
    }
}
