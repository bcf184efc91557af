package io.polystore.gateway.health;

import io.polystore.gateway.config.GatewayConfig;
import io.polystore.rest.health.RedisReadinessCheck;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway's Redis (the rate limits live there), on the chassis' check: PING within the store readiness deadline.
 * Redis being down makes the gateway unready only when requests cannot be served without it: rate limiting on with
 * {@code RATE_LIMIT_FAIL_MODE=closed}. Otherwise (fail-open, or rate limiting off) the check stays UP and reports the
 * failure in its data: taking every gateway out of rotation would turn "admit without a limit" into "serve nobody".
 */
@Readiness
public class RateLimitRedisReadinessCheck extends RedisReadinessCheck {

    static final String NAME = "redis";

    private final boolean required;

    RateLimitRedisReadinessCheck(ReactiveRedisDataSource redis, GatewayConfig config) {
        super(NAME, redis);
        this.required = config.auth().enabled() && config.rateLimit().enabled()
                && config.rateLimit().failMode() == GatewayConfig.FailMode.CLOSED;
    }

    @Override
    protected boolean required() {
        return required;
    }

    @Override
    protected void describeFailure(HealthCheckResponseBuilder response) {
        response.withData("rateLimits", required ? "fail closed: requests get 503" : "fail open: admitted");
    }
}
