package io.polystore.payment.health;

import io.polystore.testsupport.health.StoresDown;
import java.util.Map;

/** MariaDB and Redis unreachable: both point at a port nothing listens on; Flyway does not run. */
public class PaymentStoresDown extends StoresDown {

    @Override
    protected Map<String, String> unreachable(int port) {
        return Map.of("db.port", String.valueOf(port), "quarkus.flyway.migrate-at-start", "false",
                "quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }
}
