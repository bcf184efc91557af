package io.polystore.catalog.health;

import io.polystore.testsupport.health.StoresDown;
import java.util.Map;

/** Neo4j unreachable: the driver points at a port nothing listens on; no migrations at start-up. */
public class CatalogStoresDown extends StoresDown {

    @Override
    protected Map<String, String> unreachable(int port) {
        return Map.of("quarkus.neo4j.uri", "bolt://127.0.0.1:" + port, "catalog.migrate-at-start", "false");
    }
}
