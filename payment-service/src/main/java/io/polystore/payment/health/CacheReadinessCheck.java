package io.polystore.payment.health;

import io.polystore.rest.health.RedisReadinessCheck;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The cache's state as data of the readiness answer, never its status: Redis is only a cache, so the check stays UP
 * while Redis is away ({@code required()} false) and says what the service does meanwhile.
 */
@Readiness
public class CacheReadinessCheck extends RedisReadinessCheck {

    public static final String NAME = "redis";

    CacheReadinessCheck(ReactiveRedisDataSource redis) {
        super(NAME, redis);
    }

    @Override
    protected boolean required() {
        return false;
    }

    @Override
    protected void describeFailure(HealthCheckResponseBuilder response) {
        response.withData("cache", "bypassed: reads and writes are served by MySQL until Redis answers");
    }
}
