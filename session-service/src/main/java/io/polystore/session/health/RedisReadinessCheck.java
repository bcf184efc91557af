package io.polystore.session.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Redis answers {@code PING} within a second. Named after the store, as the gateway's aggregated
 * {@code /health} reports it.
 */
@Readiness
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "redis";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveRedisDataSource redis;

    RedisReadinessCheck(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute(Command.PING)
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("no reply to PING within " + TIMEOUT))
                .map(response -> {
                    if (response == null || !"PONG".equalsIgnoreCase(response.toString())) {
                        throw new IllegalStateException("unexpected PING reply: " + response);
                    }
                    return HealthCheckResponse.up(NAME);
                })
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }
}
