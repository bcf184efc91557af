package io.polystore.mandate.health;

import io.polystore.testsupport.health.StoresDown;
import java.util.Map;

/** PostgreSQL unreachable: the pool points at a port nothing listens on; Flyway does not run. */
public class MandateStoresDown extends StoresDown {

    @Override
    protected Map<String, String> unreachable(int port) {
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/mandates",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/mandates",
                "quarkus.flyway.migrate-at-start", "false");
    }
}
