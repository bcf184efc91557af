package io.polystore.gateway.ratelimit;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeoutException;

/**
 * One request's rate-limit decision: sent to Redis once (EVALSHA), waited for up to the limiter's timeout, reported
 * exactly once on the request's own Vert.x context. The only object the limiter allocates per request besides the Redis
 * request.
 */
public final class Decision implements Handler<AsyncResult<Response>>, Runnable {

    public enum Outcome {
        /** Counted; the request may pass. */
        ALLOWED,
        /** Over the limit; not counted. */
        LIMITED,
        /** Redis could not decide (unavailable, or an error reply): the fail mode applies. */
        FAILED
    }

    private static final byte[] TWO_KEYS = {'2'};

    private final RedisRateLimiter limiter;
    private final RedisLink link;
    private final ContextInternal context;
    private final byte[] windowKey;
    private final byte[] limitKey;
    private final Handler<Decision> done;

    private ScheduledFuture<?> timer;
    private RedisConnection sentOn;
    private boolean finished;
    private boolean reloaded;

    private Outcome outcome;
    private long limit;
    private long remaining;
    private long reset;
    private long window;
    private long now;
    private Throwable failure;

    Decision(RedisRateLimiter limiter, RedisLink link, ContextInternal context, byte[] windowKey, byte[] limitKey,
            Handler<Decision> done) {
        this.limiter = limiter;
        this.link = link;
        this.context = context;
        this.windowKey = windowKey;
        this.limitKey = limitKey;
        this.done = done;
    }

    void start(long timeoutNanos) {
        timer = VertxInternals.schedule(context, this, timeoutNanos);
        link.send(this);
    }

    /** Sends the script on an open connection; on the link's event loop. */
    void sendOn(RedisConnection connection) {
        if (finished) {
            return; // timed out while waiting for a connection: nothing was sent, nothing is sent now
        }
        // After NOSCRIPT (Redis restarted, SCRIPT FLUSH) EVAL sends the source, which also caches it: the reload and
        // the retry in one command. The EVALSHA that failed never ran, so nothing is counted twice.
        Request request = reloaded
                ? Request.cmd(Command.EVAL).arg(limiter.scriptSource())
                : Request.cmd(Command.EVALSHA).arg(limiter.scriptShaBytes());
        request.arg(TWO_KEYS).arg(windowKey).arg(limitKey).arg(limiter.defaultRequests()).arg(limiter.defaultWindow());
        sentOn = connection;
        connection.send(request).onComplete(this);
    }

    /** Redis answered, or the connection failed. */
    @Override
    public void handle(AsyncResult<Response> result) {
        if (!VertxInternals.onContext(context)) {
            VertxInternals.emit(context, result, this); // same event loop: runs at once, on the request's context
            return;
        }
        if (result.succeeded() || VertxInternals.isErrorReply(result.cause())) {
            link.answered();
        } else {
            link.broken(result.cause());
        }
        if (finished) {
            return; // timed out earlier; this answer may have counted the request, which is never replayed
        }
        if (result.succeeded()) {
            decided(result.result());
        } else if (!reloaded && VertxInternals.isErrorReply(result.cause(), "NOSCRIPT")) {
            reloaded = true;
            sentOn = null;
            link.send(this);
        } else {
            fail(result.cause());
        }
    }

    /** The timeout: Redis left this decision unanswered for the whole bound. */
    @Override
    public void run() {
        if (!finished) {
            VertxInternals.dispatch(context, () -> {
                if (!finished) {
                    TimeoutException timeout = new TimeoutException(
                            "Redis did not answer within " + limiter.timeoutMillis() + " ms");
                    RedisConnection connection = sentOn;
                    fail(timeout);
                    link.timedOut(connection, timeout);
                }
            });
        }
    }

    void fail(Throwable cause) {
        if (finished) {
            return;
        }
        if (!VertxInternals.onContext(context)) {
            VertxInternals.emit(context, cause, this::fail);
            return;
        }
        outcome = Outcome.FAILED;
        failure = cause;
        finish();
    }

    private void decided(Response reply) {
        try {
            boolean admitted = reply.get(0).toLong() == 1;
            limit = reply.get(1).toLong();
            remaining = reply.get(2).toLong();
            reset = reply.get(3).toLong();
            window = reply.get(4).toLong();
            now = reply.get(5).toLong();
            outcome = admitted ? Outcome.ALLOWED : Outcome.LIMITED;
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            failure = new IllegalStateException("unexpected answer from the rate-limit script: " + reply, e);
        }
        finish();
    }

    private void finish() {
        finished = true;
        if (timer != null) {
            timer.cancel(false);
        }
        done.handle(this);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Requests per window for this key. */
    public long limit() {
        return limit;
    }

    /** Requests left in this window after this one. */
    public long remaining() {
        return remaining;
    }

    /** When the window ends, epoch seconds (Redis' clock). */
    public long reset() {
        return reset;
    }

    /** The window's length in seconds. */
    public long window() {
        return window;
    }

    /** Redis' clock when it decided, epoch seconds. */
    public long now() {
        return now;
    }

    /** Seconds until the window ends, at least 1. */
    public long retryAfter() {
        return Math.max(1, reset - now);
    }

    /** Why Redis did not decide ({@link Outcome#FAILED} only). */
    public Throwable failure() {
        return failure;
    }

    @Override
    public String toString() {
        return outcome == Outcome.FAILED
                ? "Decision[FAILED: " + failure + "]"
                : "Decision[" + outcome + ", limit=" + limit + ", remaining=" + remaining + ", reset=" + reset
                        + ", window=" + window + "]";
    }
}
