package io.polystore.gateway.ratelimit;

import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;
import io.vertx.redis.client.impl.RedisConnectionInternal;
import java.net.ConnectException;
import java.util.ArrayDeque;

/**
 * One event loop's own Redis connection, pipelined: every decision made on that event loop is written to it, and the
 * answers come back on the same thread, so the request path never hands work to another thread and never waits for a
 * pooled connection. Used only from its event loop, hence no locks.
 * <p>
 * A connection that closes or fails is dropped; the next request opens a new one (connection attempts at most every
 * {@link #RETRY_DELAY_NANOS}, so a Redis that is down costs each request one failed check, not one failed connect). A
 * connection with commands pending and no answer for {@link #STALL_NANOS} is closed too, so a Redis that hangs (or a
 * network that drops packets) is left behind within a second of coming back.
 */
final class RedisLink {

    static final long RETRY_DELAY_NANOS = 200_000_000L;
    static final long STALL_NANOS = 1_000_000_000L;

    private final RedisRateLimiter limiter;
    private final String name;
    private final ContextInternal eventLoop;
    private final ArrayDeque<Decision> waiting = new ArrayDeque<>();

    private Redis client;
    private RedisConnectionInternal connection;
    private boolean connecting;
    private long nextAttempt;
    private Throwable lastConnectFailure;
    private int pending;
    private long progressAt;

    RedisLink(RedisRateLimiter limiter, ContextInternal eventLoop, String name) {
        this.limiter = limiter;
        this.name = name;
        this.eventLoop = eventLoop;
    }

    void send(Decision decision) {
        RedisConnectionInternal open = connection;
        if (open != null) {
            decision.sendOn(open);
            return;
        }
        if (connecting) {
            if (waiting.size() >= limiter.maxPending()) {
                decision.fail(new IllegalStateException("too many requests waiting for a Redis connection"));
            } else {
                waiting.add(decision);
            }
            return;
        }
        if (System.nanoTime() - nextAttempt < 0) {
            decision.fail(lastConnectFailure);
            return;
        }
        waiting.add(decision);
        connect();
    }

    private void connect() {
        connecting = true;
        nextAttempt = System.nanoTime() + RETRY_DELAY_NANOS;
        if (client == null) {
            // Created with the event loop's own context current, so the connection lives on this event loop.
            eventLoop.dispatch(() -> client = Redis.createClient(eventLoop.owner(), limiter.options(name)));
        }
        client.connect().onComplete(result -> eventLoop.dispatch(() -> {
            connecting = false;
            if (result.succeeded()) {
                opened(result.result());
            } else {
                lastConnectFailure = result.cause() instanceof ConnectException
                        ? result.cause()
                        : new ConnectException("cannot connect to Redis: " + result.cause());
                failWaiting(lastConnectFailure);
            }
        }));
    }

    private void opened(RedisConnection lease) {
        // Held for the link's life, never returned to the client's pool: the lease's own send() adds per-command
        // bookkeeping that a long-lived pipelined connection does not need.
        RedisConnectionInternal opened = ((PooledRedisConnection) lease).actual();
        lease.exceptionHandler(failure -> dropped(opened));
        lease.endHandler(ignored -> dropped(opened));
        connection = opened;
        progressAt = System.nanoTime();
        Decision next;
        while ((next = waiting.poll()) != null) {
            next.sendOn(opened);
        }
    }

    private void failWaiting(Throwable cause) {
        Decision next;
        while ((next = waiting.poll()) != null) {
            next.fail(cause);
        }
    }

    private void dropped(RedisConnectionInternal closed) {
        if (connection == closed) {
            connection = null;
            // Reconnect at once: a closed connection is no sign that Redis is down (it may just have restarted).
            nextAttempt = System.nanoTime();
        }
    }

    void sent() {
        if (pending++ == 0) {
            progressAt = System.nanoTime();
        }
    }

    /** A command finished; {@code byRedis} when Redis answered (also with an error), not when the connection broke. */
    void answered(boolean byRedis) {
        if (pending > 0) {
            pending--;
        }
        if (byRedis) {
            progressAt = System.nanoTime();
        }
    }

    /** A decision timed out: if the connection has made no progress for a while, give up on it. */
    void timedOut() {
        RedisConnectionInternal stalled = connection;
        if (stalled != null && pending > 0 && System.nanoTime() - progressAt > STALL_NANOS) {
            connection = null;
            nextAttempt = System.nanoTime();
            stalled.forceClose(); // its pending commands fail now, which brings the count back down

        }
    }

    void close() {
        Redis closing = client;
        client = null;
        connection = null;
        if (closing != null) {
            closing.close();
        }
    }
}
