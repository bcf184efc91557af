package io.polystore.catalog.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.neo4j.driver.Driver;

/**
 * Ready when the driver reaches Neo4j (a connection from the pool, or a new one, answers) within a second. Named after
 * the store, as the gateway's aggregated {@code /health} reports it.
 */
@Readiness
public class Neo4jReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "neo4j";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Driver driver;

    Neo4jReadinessCheck(Driver driver) {
        this.driver = driver;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(driver::verifyConnectivityAsync)
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("no answer within " + TIMEOUT))
                .map(ignored -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }
}
