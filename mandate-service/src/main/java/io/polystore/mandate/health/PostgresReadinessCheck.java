package io.polystore.mandate.health;

import io.polystore.rest.health.SqlReadinessCheck;
import io.vertx.mutiny.sqlclient.Pool;
import org.eclipse.microprofile.health.Readiness;

/** The mandates database answers; named as the gateway's aggregated {@code /health} reports it. */
@Readiness
public class PostgresReadinessCheck extends SqlReadinessCheck {

    public static final String NAME = "postgresql";

    PostgresReadinessCheck(Pool pool) {
        super(NAME, pool);
    }
}
