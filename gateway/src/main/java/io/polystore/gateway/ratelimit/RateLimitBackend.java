package io.polystore.gateway.ratelimit;

import io.vertx.core.Handler;

/**
 * Where rate-limit decisions are made: one call per request, answered exactly once on the caller's Vert.x context
 * within a bound ({@code gateway.rate-limit.redis-timeout}). The one seam between the gateway and the limiter's fast
 * path ({@link RedisRateLimiter}, the only code that touches Vert.x internals, see {@link VertxInternals}).
 */
public interface RateLimitBackend extends AutoCloseable {

    /**
     * Decides one request of the key whose Redis keys are given ({@link RateLimitKeys}); {@code done} runs exactly
     * once, on the caller's context. Must be called on a Vert.x event loop.
     */
    void decide(byte[] windowKey, byte[] limitKey, Handler<Decision> done);

    @Override
    void close();
}
