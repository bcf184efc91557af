package io.polystore.gateway.ratelimit;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;
import io.vertx.redis.client.impl.RedisConnectionInternal;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.concurrent.TimeUnit;

/**
 * Every Vert.x internal the rate limiter's fast path relies on, in one place, and nowhere else in the gateway's rate
 * limiter. {@code VertxInternalsContractTest} holds each of these assumptions against the Vert.x on the class path and
 * fails loudly when an upgrade breaks one; {@link #pipelined} falls back to the public API when the unwrapping is not
 * possible (a cluster or sentinel client, or a Vert.x whose pooled connection looks different).
 * <ul>
 * <li>{@link ContextInternal}: a timer straight on the context's Netty event loop (no Vert.x timer map entry per
 * request), {@code emit}/{@code dispatch} to run a callback on the request's own context at once when already on its
 * event loop, and {@code unwrap} to the event loop's base context (one Redis connection per event loop).</li>
 * <li>{@link PooledRedisConnection#actual()}: the connection under the pool's lease, held for the link's life; the
 * lease's own {@code send} adds per-command pool bookkeeping a long-lived pipelined connection does not need.</li>
 * <li>{@link RedisConnectionInternal#forceClose()}: drops a connection at once, failing its pending commands.</li>
 * <li>{@link ErrorType}: the failure type of a Redis error reply, to tell "Redis answered with an error" (it is up)
 * from "the connection failed" (which the client also reports as {@code ErrorType}, of kind
 * {@code CONNECTION_CLOSED}).</li>
 * </ul>
 */
final class VertxInternals {

    private VertxInternals() {
    }

    /** The context a request runs on, as the internal type (every Vert.x context is one). */
    static ContextInternal context(Context context) {
        return (ContextInternal) context;
    }

    /** The event loop's own context: the same for every request (duplicated context) on that event loop. */
    static ContextInternal eventLoopContext(Context context) {
        return ((ContextInternal) context).unwrap();
    }

    /** Runs {@code task} on the context's event loop thread after the delay; cancel through the returned future. */
    static ScheduledFuture<?> schedule(ContextInternal context, Runnable task, long delayNanos) {
        return context.nettyEventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The connection to write to: the one under a standalone client's lease, else the lease itself. */
    static RedisConnection pipelined(RedisConnection lease) {
        return lease instanceof PooledRedisConnection pooled ? pooled.actual() : lease;
    }

    /** Whether {@link #pipelined} could unwrap the lease (the fast path proper). */
    static boolean unwraps(RedisConnection lease) {
        return lease instanceof PooledRedisConnection;
    }

    /** Closes a connection at once; its pending commands fail. */
    static void forceClose(RedisConnection connection) {
        if (connection instanceof RedisConnectionInternal internal) {
            internal.forceClose();
        } else {
            connection.close();
        }
    }

    /**
     * True when Redis answered with an error reply (so it is reachable), not when the connection failed. The client
     * reports some of its own failures as {@link ErrorType} too ({@code CONNECTION_CLOSED}, {@code ILLEGAL_STATE ...}):
     * those are not answers.
     */
    static boolean isErrorReply(Throwable failure) {
        return failure instanceof ErrorType error && !error.is("CONNECTION_CLOSED") && !error.is("ILLEGAL_STATE");
    }

    /** True for an error reply of this kind, e.g. {@code NOSCRIPT}. */
    static boolean isErrorReply(Throwable failure, String kind) {
        return failure instanceof ErrorType error && error.is(kind);
    }

    /** Whether the caller runs on {@code context} (its event loop thread, with it as the current context). */
    static boolean onContext(ContextInternal context) {
        return context.isRunningOnContext();
    }

    /** Runs {@code handler} on {@code context} now if on its event loop, else later on it. */
    static <T> void emit(ContextInternal context, T value, Handler<T> handler) {
        context.emit(value, handler);
    }

    /** Runs {@code task} on {@code context}, at once (the caller is on its event loop). */
    static void dispatch(ContextInternal context, Runnable task) {
        context.dispatch(task);
    }
}
