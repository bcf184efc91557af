package io.polystore.rest.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Ready when Redis answers {@code PING} with {@code PONG} within the readiness deadline. A service declares
 * {@code @Readiness class RedisCheck extends RedisReadinessCheck} with the name {@code redis}; the gateway overrides
 * {@link #required()} (its rate limits may fail open) and {@link #describeFailure}.
 */
public abstract class RedisReadinessCheck extends StoreReadinessCheck {

    private final ReactiveRedisDataSource redis;

    protected RedisReadinessCheck(String name, ReactiveRedisDataSource redis) {
        super(name);
        this.redis = redis;
    }

    @Override
    protected Uni<?> ping() {
        return redis.execute("PING").invoke(reply -> {
            if (reply == null || !"PONG".equalsIgnoreCase(reply.toString())) {
                throw new IllegalStateException("unexpected PING reply: " + reply);
            }
        });
    }
}
