package io.polystore.gateway.ratelimit;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.RedisOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fixed-window rate limiting with exactly one Redis command per decision: {@code EVALSHA} of {@link RateLimitScript}.
 * No CDI here, so a test can run two independent limiters (two "gateways") against one Redis.
 * <p>
 * {@link #decide} must be called on a Vert.x event loop; each event loop gets its own pipelined connection
 * ({@link RedisLink}), built from the Redis client options Quarkus made ({@code quarkus.redis.*}: hosts, password,
 * database, TLS), and the answer arrives on the caller's context.
 * <p>
 * Exact while Redis answers: a decision waits for Redis' answer up to {@code timeout}, however slow it is within that
 * bound (a cold JVM, a busy machine), so no request is admitted that Redis would have refused. A decision fails only
 * when Redis is unavailable: the connection is refused or breaks, or a decision went unanswered for {@code timeout}
 * (then the connection is replaced). Each of these opens the link's breaker: for {@code retry}, decisions fail at once
 * without waiting, then one decision probes Redis again.
 */
public final class RedisRateLimiter implements RateLimitBackend {

    /** Decisions waiting for a connection on one event loop before further decisions fail at once. */
    static final int MAX_PENDING = 8192;

    private final Supplier<RedisOptions> options;
    private final byte[] scriptSha;
    private final byte[] scriptSource;
    private final byte[] defaultRequests;
    private final byte[] defaultWindow;
    private final long timeoutNanos;
    private final long timeoutMillis;
    private final Duration retry;
    private final List<RedisLink> links = new ArrayList<>();
    private volatile boolean closed;
    private final FastThreadLocal<RedisLink> link = new FastThreadLocal<>() {
        @Override
        protected RedisLink initialValue() {
            synchronized (links) {
                RedisLink created = new RedisLink(RedisRateLimiter.this,
                        VertxInternals.eventLoopContext(Vertx.currentContext()), "gateway-ratelimit-" + links.size());
                links.add(created);
                return created;
            }
        }
    };

    /**
     * @param options
     *            the Redis client options to connect with (evaluated when a link first connects); pool settings are the
     *            limiter's own
     * @param timeout
     *            longest wait for one decision; Redis counts as unavailable after it
     * @param retry
     *            how long decisions fail at once after Redis was found unavailable
     */
    public RedisRateLimiter(Supplier<RedisOptions> options, long defaultRequests, Duration defaultWindow,
            Duration timeout, Duration retry) {
        if (defaultRequests < 0) {
            throw new IllegalArgumentException("default requests per window must be 0 or more: " + defaultRequests);
        }
        if (defaultWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("the default window must be at least 1 s: " + defaultWindow);
        }
        if (timeout.isNegative() || timeout.isZero() || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("the Redis timeout and retry delay must be positive: " + timeout
                    + ", " + retry);
        }
        this.options = options;
        this.scriptSha = ascii(RateLimitScript.SHA1);
        this.scriptSource = RateLimitScript.SOURCE.getBytes(StandardCharsets.UTF_8);
        this.defaultRequests = ascii(Long.toString(defaultRequests));
        this.defaultWindow = ascii(Long.toString(defaultWindow.toSeconds()));
        this.timeoutNanos = timeout.toNanos();
        this.timeoutMillis = timeout.toMillis();
        this.retry = retry;
    }

    /** Options for one Redis server, e.g. {@code redis://host:6379/0}, with a password unless null or empty. */
    public static RedisOptions options(String redisUrl, String password) {
        RedisOptions options = new RedisOptions().setConnectionString(redisUrl);
        if (password != null && !password.isEmpty()) {
            options.setPassword(password);
        }
        return options;
    }

    @Override
    public void decide(byte[] windowKey, byte[] limitKey, Handler<Decision> done) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            throw new IllegalStateException("rate-limit decisions are made on a Vert.x event loop");
        }
        Decision decision = new Decision(this, link.get(), VertxInternals.context(current), windowKey, limitKey, done);
        if (closed) {
            decision.fail(new IllegalStateException("the rate limiter is closed"));
            return;
        }
        decision.start(timeoutNanos);
    }

    /** The script's SHA-1, as EVALSHA names it. */
    public String scriptSha() {
        return RateLimitScript.SHA1;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (links) {
            links.forEach(RedisLink::close);
            links.clear();
        }
    }

    boolean closed() {
        return closed;
    }

    /**
     * The options one link connects with: the configured client's (hosts, password, database, TLS, ...), one connection
     * held for good (never recycled, never cleaned up as idle), a connect attempt no longer than a decision may wait,
     * and a pool name of the link's own (Vert.x names its pool metrics by it).
     */
    RedisOptions linkOptions(String poolName) {
        RedisOptions base = options.get();
        NetClientOptions net = new NetClientOptions(base.getNetClientOptions());
        int connectTimeout = (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
        if (net.getConnectTimeout() <= 0 || net.getConnectTimeout() > connectTimeout) {
            net.setConnectTimeout(connectTimeout);
        }
        net.setTcpNoDelay(true).setTcpKeepAlive(true).setMetricsName("redis|" + poolName);
        return new RedisOptions(base)
                .setNetClientOptions(net)
                .setPoolName(poolName)
                .setMaxPoolSize(1)
                .setPoolRecycleTimeout(-1)
                .setPoolCleanerInterval(-1)
                .setMaxWaitingHandlers(MAX_PENDING);
    }

    int maxPending() {
        return MAX_PENDING;
    }

    Duration retry() {
        return retry;
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
