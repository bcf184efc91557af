package io.polystore.gateway.ratelimit;

import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Singleton;

/**
 * The options Quarkus builds for its default Redis client from {@code quarkus.redis.*} (hosts, password, database in
 * the URL, TLS, client type, TCP settings): the rate limiter's connections use the very same, so the readiness check,
 * the ops command line and the limiter always talk to one Redis the same way. Quarkus hands them over while it creates
 * its clients at startup, before the first request.
 */
@Singleton
public class QuarkusRedisOptions implements RedisOptionsCustomizer {

    /** Quarkus' name for the client of {@code quarkus.redis.*}. */
    static final String DEFAULT_CLIENT = "<default>";

    private volatile RedisOptions defaultClient;

    @Override
    public void customize(String clientName, RedisOptions options) {
        if (DEFAULT_CLIENT.equals(clientName)) {
            defaultClient = options;
        }
    }

    /** A copy of the default client's options; fails if Quarkus has not created its Redis client. */
    public RedisOptions defaultClient() {
        RedisOptions options = defaultClient;
        if (options == null) {
            throw new IllegalStateException("Quarkus has not created its Redis client (quarkus.redis.*) yet");
        }
        return new RedisOptions(options);
    }
}
