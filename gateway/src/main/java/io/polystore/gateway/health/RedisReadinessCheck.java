package io.polystore.gateway.health;

import io.polystore.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway's Redis (the rate limits live there) answers PING within a second. Redis being down makes the gateway
 * unready only when requests cannot be served without it: rate limiting on with {@code RATE_LIMIT_FAIL_MODE=closed}.
 * Otherwise (fail-open, or rate limiting off) the check stays UP and reports the failure in its data: taking every
 * gateway out of rotation would turn "admit without a limit" into "serve nobody".
 */
@Readiness
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "redis";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveRedisDataSource redis;
    private final boolean required;

    RedisReadinessCheck(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.required = config.auth().enabled() && config.rateLimit().enabled()
                && config.rateLimit().failMode() == GatewayConfig.FailMode.CLOSED;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(TIMEOUT).fail()
                .map(reply -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).status(!required)
                        .withData("error", String.valueOf(failure.getMessage()))
                        .withData("rateLimits", required ? "fail closed: requests get 503" : "fail open: admitted")
                        .build());
    }
}
