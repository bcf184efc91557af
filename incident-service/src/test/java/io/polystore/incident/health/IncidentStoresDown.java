package io.polystore.incident.health;

import io.polystore.testsupport.health.StoresDown;
import java.util.Map;

/** MariaDB unreachable: the pool points at a port nothing listens on; Flyway does not run. */
public class IncidentStoresDown extends StoresDown {

    @Override
    protected Map<String, String> unreachable(int port) {
        return Map.of("db.port", String.valueOf(port), "quarkus.flyway.migrate-at-start", "false");
    }
}
