package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.test.TestStores;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.RedisConnectionInternal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds every Vert.x internal the rate limiter's fast path relies on ({@link VertxInternals}) against the Vert.x on the
 * class path, with a real Redis. When a Vert.x upgrade breaks one, this fails here, loudly, instead of the limiter
 * failing open in production. No Quarkus: plain Vert.x.
 */
class VertxInternalsContractTest {

    Vertx vertx;
    String redisUrl;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        String external = System.getenv("POLYSTORE_TEST_REDIS_URL");
        redisUrl = external != null && !external.isBlank()
                ? external
                : "redis://127.0.0.1:" + TestStores.get(StoreKind.REDIS).port();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code task} on a fresh event-loop context and waits for what it completes. */
    <T> T onEventLoop(java.util.function.Function<Context, CompletableFuture<T>> task) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> task.apply(context).whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }));
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStandaloneLeaseUnwrapsToAPipelinedConnection() throws Exception {
        RedisConnection lease = Redis.createClient(vertx, RedisRateLimiter.options(redisUrl, null)).connect()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(VertxInternals.unwraps(lease), "a standalone client's lease is a PooledRedisConnection: "
                + lease.getClass().getName());
        RedisConnection pipelined = VertxInternals.pipelined(lease);
        assertInstanceOf(RedisConnectionInternal.class, pipelined);
        assertNotSame(lease, pipelined);
        Response pong = pipelined.send(Request.cmd(Command.PING)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals("PONG", pong.toString());
        lease.close();
    }

    @Test
    void forceCloseFailsPendingCommandsAsConnectionFailures() throws Exception {
        RedisConnection lease = Redis.createClient(vertx, RedisRateLimiter.options(redisUrl, null)).connect()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        RedisConnection pipelined = VertxInternals.pipelined(lease);
        CompletableFuture<Response> blocked = pipelined.send(Request.cmd(Command.BLPOP)
                .arg("gateway-contract-test:never-" + System.nanoTime()).arg(30)).toCompletionStage()
                .toCompletableFuture();
        Thread.sleep(100);
        long started = System.nanoTime();
        VertxInternals.forceClose(pipelined);
        Throwable failure = null;
        try {
            blocked.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        assertTrue(failure != null, "the pending command fails");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2_000, "at once");
        assertFalse(VertxInternals.isErrorReply(failure), "a connection failure, not a Redis error reply: " + failure);
    }

    @Test
    void errorRepliesAreToldApartByKind() throws Exception {
        RedisConnection lease = Redis.createClient(vertx, RedisRateLimiter.options(redisUrl, null)).connect()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Throwable failure = null;
        try {
            VertxInternals.pipelined(lease).send(Request.cmd(Command.EVALSHA)
                    .arg("0000000000000000000000000000000000000000").arg(0)).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        assertTrue(VertxInternals.isErrorReply(failure), String.valueOf(failure));
        assertTrue(VertxInternals.isErrorReply(failure, "NOSCRIPT"), String.valueOf(failure));
        assertFalse(VertxInternals.isErrorReply(failure, "WRONGTYPE"));
        lease.close();
    }

    @Test
    void contextsDispatchEmitAndScheduleOnTheirEventLoop() throws Exception {
        String[] threads = onEventLoop(context -> {
            CompletableFuture<String[]> done = new CompletableFuture<>();
            ContextInternal internal = VertxInternals.context(context);
            String eventLoop = Thread.currentThread().getName();
            assertTrue(VertxInternals.onContext(internal));
            long scheduledAt = System.nanoTime();
            VertxInternals.schedule(internal, () -> {
                long waitedMs = (System.nanoTime() - scheduledAt) / 1_000_000;
                String timerThread = Thread.currentThread().getName();
                // from another thread, emit comes back to the context's event loop
                new Thread(() -> VertxInternals.emit(internal, "x", value -> {
                    boolean back = VertxInternals.onContext(internal);
                    VertxInternals.dispatch(internal, () -> done.complete(new String[]{eventLoop, timerThread,
                            Thread.currentThread().getName(), String.valueOf(back), String.valueOf(waitedMs)}));
                })).start();
            }, Duration.ofMillis(50).toNanos());
            return done;
        });
        assertEquals(threads[0], threads[1], "the timer runs on the context's event loop");
        assertEquals(threads[0], threads[2], "emit from another thread runs on the context's event loop");
        assertEquals("true", threads[3]);
        assertTrue(Long.parseLong(threads[4]) >= 45, "after the delay: " + threads[4]);
    }

    @Test
    void duplicatedContextsOfOneEventLoopShareItsBaseContext() throws Exception {
        Context base = vertx.getOrCreateContext();
        ContextInternal internal = VertxInternals.context(base);
        ContextInternal first = internal.duplicate();
        ContextInternal second = internal.duplicate();
        assertNotSame(first, second);
        assertSame(VertxInternals.eventLoopContext(first), VertxInternals.eventLoopContext(second));
        assertSame(internal.nettyEventLoop(), VertxInternals.eventLoopContext(first).nettyEventLoop());
    }

    @Test
    void theFastPathDecidesAgainstARealRedis() throws Exception {
        RedisRateLimiter limiter = new RedisRateLimiter(() -> RedisRateLimiter.options(redisUrl, null), 5,
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(200));
        try {
            String id = "contract-" + System.nanoTime();
            byte[] window = ("gateway:rl:{" + id + "}:w").getBytes(StandardCharsets.UTF_8);
            byte[] limit = ("gateway:rl:{" + id + "}:limit").getBytes(StandardCharsets.UTF_8);
            Decision decision = onEventLoop(context -> {
                CompletableFuture<Decision> done = new CompletableFuture<>();
                limiter.decide(window, limit, done::complete);
                return done;
            });
            assertEquals(Decision.Outcome.ALLOWED, decision.outcome(), String.valueOf(decision));
            assertEquals(4, decision.remaining());
        } finally {
            limiter.close();
        }
    }
}
