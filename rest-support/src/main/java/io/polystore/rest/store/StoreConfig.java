package io.polystore.rest.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the services wait for their stores; the same for every service (operators' names in parentheses, each the
 * property's environment form).
 */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /**
     * Deadline of one store call (a query, a transaction, a Redis command) through {@link StoreCalls}; past it the
     * request gets 503 with {@code Retry-After} ({@code STORE_DEADLINE}).
     */
    @WithDefault("5s")
    Duration deadline();

    /**
     * Longest wait for a connection from a reactive SQL pool (Vert.x' own default is 30 s, and Quarkus does not expose
     * it): an exhausted pool answers 503 after this ({@code STORE_ACQUIRE_TIMEOUT}).
     */
    @WithDefault("2s")
    Duration acquireTimeout();

    /**
     * Most requests waiting for a SQL pool connection; one more is refused at once with 503
     * ({@code STORE_MAX_WAIT_QUEUE}).
     */
    @WithDefault("256")
    int maxWaitQueue();

    /** What a 503 for an unavailable store tells clients in {@code Retry-After} ({@code STORE_RETRY_AFTER}). */
    @WithDefault("5s")
    Duration retryAfter();

    /** Deadline of one readiness ping ({@code STORE_READINESS_DEADLINE}). */
    @WithDefault("1s")
    Duration readinessDeadline();
}
