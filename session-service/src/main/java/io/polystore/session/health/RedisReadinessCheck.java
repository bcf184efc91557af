package io.polystore.session.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.eclipse.microprofile.health.Readiness;

/** Redis answers PING (the chassis' check); named as the gateway's aggregated {@code /health} reports it. */
@Readiness
public class RedisReadinessCheck extends io.polystore.rest.health.RedisReadinessCheck {

    public static final String NAME = "redis";

    RedisReadinessCheck(ReactiveRedisDataSource redis) {
        super(NAME, redis);
    }
}
