package io.polystore.devstack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    /** A registry, a repository and an explicit version tag: never a floating "latest". */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9.-]+/[a-z0-9/_-]+:[0-9][A-Za-z0-9.-]*");

    @Test
    void everyStoreHasAPinnedImageFromTheOnePlace() {
        for (StoreKind kind : StoreKind.values()) {
            ContainerSpec spec = ContainerSpec.of(kind);
            assertTrue(PINNED.matcher(spec.image()).matches(), kind + ": " + spec.image());
            assertEquals(ContainerSpec.images().getProperty(kind.label()), spec.image());
        }
        assertEquals(StoreKind.values().length, ContainerSpec.images().size(), "one image per store, no stray entry");
    }

    @Test
    void storesListenOnTheirStandardPorts() {
        assertEquals(3306, ContainerSpec.of(StoreKind.MARIADB).port());
        assertEquals(5432, ContainerSpec.of(StoreKind.POSTGRES).port());
        assertEquals(6379, ContainerSpec.of(StoreKind.REDIS).port());
        assertEquals(7687, ContainerSpec.of(StoreKind.NEO4J).port());
    }

    @Test
    void sqlContainersHaveAnAdminThatCreatesTheServicesDatabases() {
        ContainerSpec mariaDb = ContainerSpec.of(StoreKind.MARIADB);
        assertEquals("root", mariaDb.adminUser());
        assertEquals(Map.of("MARIADB_ROOT_PASSWORD", mariaDb.adminPassword()), mariaDb.env());
        ContainerSpec postgres = ContainerSpec.of(StoreKind.POSTGRES);
        assertEquals("postgres", postgres.adminUser());
        assertEquals(Map.of("POSTGRES_PASSWORD", postgres.adminPassword()), postgres.env());
        assertEquals(2, mariaDb.readyTimes(), "the image's init server logs 'ready' first");
    }

    @Test
    void redisNeverEvictsAndNeo4jNeedsNoPassword() {
        List<String> redis = ContainerSpec.of(StoreKind.REDIS).command();
        assertEquals("noeviction", redis.get(redis.indexOf("--maxmemory-policy") + 1));
        assertEquals("none", ContainerSpec.of(StoreKind.NEO4J).env().get("NEO4J_AUTH"));
    }

    @Test
    void theMariaDbSetupCreatesTheDatabaseAndItsOwnerForEveryHost() {
        assertEquals(List.of(
                "CREATE DATABASE IF NOT EXISTS `payments`",
                "CREATE USER IF NOT EXISTS 'payments'@'%' IDENTIFIED BY 'secret'",
                "GRANT ALL PRIVILEGES ON `payments`.* TO 'payments'@'%'",
                "CREATE USER IF NOT EXISTS 'payments'@'localhost' IDENTIFIED BY 'secret'",
                "GRANT ALL PRIVILEGES ON `payments`.* TO 'payments'@'localhost'"),
                MariaDbServer.setupStatements(new DatabaseAccount("payments", "payments", "secret")));
    }
}
