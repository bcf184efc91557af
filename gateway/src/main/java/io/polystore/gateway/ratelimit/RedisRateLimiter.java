package io.polystore.gateway.ratelimit;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.RedisOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-window rate limiting with exactly one Redis command per decision: {@code EVALSHA} of {@link RateLimitScript}.
 * No CDI here, so a test can run two independent limiters (two "gateways") against one Redis.
 * <p>
 * {@link #check} must be called on a Vert.x event loop; each event loop gets its own pipelined connection
 * ({@link RedisLink}) and the answer arrives on the caller's context.
 */
public final class RedisRateLimiter implements AutoCloseable {

    /** Commands in flight on one connection, or decisions waiting for one, before further decisions fail at once. */
    static final int MAX_PENDING = 8192;

    private final RedisOptions options;
    private final byte[] scriptSha;
    private final byte[] scriptSource;
    private final byte[] defaultRequests;
    private final byte[] defaultWindow;
    private final long timeoutNanos;
    private final long timeoutMillis;
    private final List<RedisLink> links = new ArrayList<>();
    private final FastThreadLocal<RedisLink> link = new FastThreadLocal<>() {
        @Override
        protected RedisLink initialValue() {
            ContextInternal context = (ContextInternal) Vertx.currentContext();
            synchronized (links) {
                RedisLink created = new RedisLink(RedisRateLimiter.this, context.unwrap(),
                        "gateway-ratelimit-" + links.size());
                links.add(created);
                return created;
            }
        }
    };

    /**
     * @param redisUrl
     *            e.g. {@code redis://host:6379}, {@code redis://:password@host:6379}
     * @param password
     *            used when not null or empty and the URL has none
     */
    public RedisRateLimiter(String redisUrl, String password, long defaultRequests,
            Duration defaultWindow, Duration timeout) {
        if (defaultRequests < 0) {
            throw new IllegalArgumentException("default requests per window must be 0 or more: " + defaultRequests);
        }
        if (defaultWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("the default window must be at least 1 s: " + defaultWindow);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the Redis timeout must be positive: " + timeout);
        }
        this.options = new RedisOptions().setConnectionString(redisUrl)
                // One connection per event loop, held for good: never recycled, never cleaned up as idle.
                .setMaxPoolSize(1)
                .setPoolRecycleTimeout(-1)
                .setPoolCleanerInterval(-1)
                .setMaxWaitingHandlers(MAX_PENDING);
        if (password != null && !password.isEmpty()) {
            options.setPassword(password);
        }
        // A SYN that goes unanswered must not hold the link's single connection attempt for long.
        options.getNetClientOptions().setConnectTimeout(1000).setTcpNoDelay(true).setTcpKeepAlive(true);
        this.scriptSha = ascii(RateLimitScript.SHA1);
        this.scriptSource = RateLimitScript.SOURCE.getBytes(StandardCharsets.UTF_8);
        this.defaultRequests = ascii(Long.toString(defaultRequests));
        this.defaultWindow = ascii(Long.toString(defaultWindow.toSeconds()));
        this.timeoutNanos = timeout.toNanos();
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Decides one request of the key whose Redis keys are given ({@link RateLimitKeys}); {@code done} runs exactly
     * once, on the caller's context, within the timeout (plus scheduling delay).
     */
    public void check(byte[] windowKey, byte[] limitKey, Handler<Decision> done) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            throw new IllegalStateException("rate-limit decisions are made on a Vert.x event loop");
        }
        new Decision(this, link.get(), (ContextInternal) current, windowKey, limitKey, done).start(timeoutNanos);
    }

    /** The script's SHA-1, as EVALSHA names it. */
    public String scriptSha() {
        return RateLimitScript.SHA1;
    }

    @Override
    public void close() {
        synchronized (links) {
            links.forEach(RedisLink::close);
            links.clear();
        }
    }

    /** The connection options, with a pool name of the link's own (Vert.x names its pool metrics by it). */
    RedisOptions options(String poolName) {
        return new RedisOptions(options).setPoolName(poolName);
    }

    int maxPending() {
        return MAX_PENDING;
    }

    byte[] scriptSource() {
        return scriptSource;
    }

    byte[] scriptShaBytes() {
        return scriptSha;
    }

    byte[] defaultRequests() {
        return defaultRequests;
    }

    byte[] defaultWindow() {
        return defaultWindow;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
