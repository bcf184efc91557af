package io.polystore.mandate.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the mandates database answers {@code SELECT 1} within a second. Named after the store, as the gateway's
 * aggregated {@code /health} reports it.
 */
@Readiness
public class PostgresReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "postgresql";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Pool pool;

    PostgresReadinessCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }
}
