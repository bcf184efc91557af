package io.polystore.rest.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready when the service's database answers {@code SELECT 1} within a second. A service declares its check as a
 * {@code @Readiness} subclass named after its store ({@code mysql-incidents}, {@code postgresql}, ...), the name the
 * gateway's aggregated {@code /health} reports.
 */
public abstract class SqlReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final String name;
    private final Pool pool;

    protected SqlReadinessCheck(String name, Pool pool) {
        this.name = name;
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up(name))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(name).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }
}
