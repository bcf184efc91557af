package io.polystore.incident.health;

import io.polystore.rest.health.SqlReadinessCheck;
import io.vertx.mutiny.sqlclient.Pool;
import org.eclipse.microprofile.health.Readiness;

/** The incidents database answers; named as the gateway's aggregated {@code /health} reports it. */
@Readiness
public class MySqlReadinessCheck extends SqlReadinessCheck {

    public static final String NAME = "mysql-incidents";

    MySqlReadinessCheck(Pool pool) {
        super(NAME, pool);
    }
}
