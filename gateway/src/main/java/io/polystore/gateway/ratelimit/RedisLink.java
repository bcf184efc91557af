package io.polystore.gateway.ratelimit;

import io.polystore.gateway.support.CircuitBreaker;
import org.jboss.logging.Logger;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One event loop's own Redis connection, pipelined: every decision made on that event loop is written to it, and the
 * answers come back on the same thread, so the request path never hands work to another thread and never waits for a
 * pooled connection. Used only from its event loop, hence no locks.
 * <p>
 * A connection that closes or fails is dropped; the next decision opens a new one. Redis counts as unavailable when a
 * connection attempt fails, when a connection breaks with decisions pending, or when a decision goes unanswered for the
 * limiter's timeout (that connection is then closed, failing what was pending on it): each opens the link's breaker,
 * and for the limiter's retry delay decisions fail at once instead of waiting; then one decision probes Redis again.
 * Any answer from Redis (an error reply included) closes the breaker.
 */
final class RedisLink {

    /** A plain logger: this class also runs outside Quarkus (its contract test). */
    private static final Logger LOG = Logger.getLogger(RedisLink.class);

    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private final RedisRateLimiter limiter;
    private final String name;
    private final ContextInternal eventLoop;
    private final ArrayDeque<Decision> waiting = new ArrayDeque<>();
    private final CircuitBreaker breaker;

    private Redis client;
    private RedisConnection connection;
    private boolean connecting;
    private Throwable lastFailure;

    RedisLink(RedisRateLimiter limiter, ContextInternal eventLoop, String name) {
        this.limiter = limiter;
        this.name = name;
        this.eventLoop = eventLoop;
        this.breaker = new CircuitBreaker(1, limiter.retry());
    }

    void send(Decision decision) {
        if (!breaker.tryAcquire()) {
            decision.fail(new ConnectException("Redis is unavailable (" + lastFailure + "); retrying within "
                    + limiter.retry().toMillis() + " ms"));
            return;
        }
        RedisConnection open = connection;
        if (open != null) {
            decision.sendOn(open);
            return;
        }
        if (waiting.size() >= limiter.maxPending()) {
            decision.fail(new IllegalStateException("too many decisions waiting for a Redis connection"));
            return;
        }
        waiting.add(decision);
        if (!connecting) {
            connect();
        }
    }

    private void connect() {
        connecting = true;
        if (client == null) {
            // Created with the event loop's own context current, so the connection lives on this event loop.
            VertxInternals.dispatch(eventLoop,
                    () -> client = Redis.createClient(eventLoop.owner(), limiter.linkOptions(name)));
        }
        client.connect().onComplete(result -> VertxInternals.dispatch(eventLoop, () -> {
            connecting = false;
            if (limiter.closed()) {
                if (result.succeeded()) {
                    result.result().close();
                }
                failWaiting(new IllegalStateException("the rate limiter is closed"));
            } else if (result.succeeded()) {
                opened(result.result());
            } else {
                Throwable failure = result.cause() instanceof ConnectException
                        ? result.cause()
                        : new ConnectException("cannot connect to Redis: " + result.cause());
                unavailable(failure);
                failWaiting(failure);
            }
        }));
    }

    private void opened(RedisConnection lease) {
        // Held for the link's life, never returned to the client's pool.
        RedisConnection opened = VertxInternals.pipelined(lease);
        if (!VertxInternals.unwraps(lease) && FALLBACK_REPORTED.compareAndSet(false, true)) {
            LOG.infof("Rate limiting writes to Redis through the client's public connection API (%s)",
                    lease.getClass().getName());
        }
        lease.exceptionHandler(failure -> dropped(opened));
        lease.endHandler(ignored -> dropped(opened));
        connection = opened;
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

    private void dropped(RedisConnection closed) {
        if (connection == closed) {
            // The next decision reconnects at once: a closed connection is no sign that Redis is down (it may just
            // have restarted). Decisions pending on it fail, and those failures open the breaker.
            connection = null;
        }
    }

    /** Redis answered a command (an error reply included): it is available. */
    void answered() {
        breaker.succeeded();
    }

    /** A command failed without an answer (its connection broke): Redis is unavailable for now. */
    void broken(Throwable failure) {
        unavailable(failure);
    }

    /**
     * A decision got no answer within the timeout: Redis is unavailable for now; the connection it was sent on (if any,
     * and still current) is closed, which fails everything pending on it.
     */
    void timedOut(RedisConnection sentOn, Throwable failure) {
        unavailable(failure);
        if (sentOn != null && connection == sentOn) {
            connection = null;
            VertxInternals.forceClose(sentOn);
        }
    }

    private void unavailable(Throwable failure) {
        lastFailure = failure;
        breaker.failed();
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
