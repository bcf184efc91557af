package io.polystore.gateway.ratelimit;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two independent rate limiters, each with its own Vert.x and its own Redis connections, as two gateway instances would
 * have, deciding for one key at the same time.
 */
final class TwoGateways {

    private TwoGateways() {
    }

    static List<Decision> decide(String redisUrl, long keyId, String namespace, int perGateway) throws Exception {
        byte[] windowKey = RateLimitKeys.window(namespace, keyId).getBytes(StandardCharsets.UTF_8);
        byte[] limitKey = RateLimitKeys.limit(namespace, keyId).getBytes(StandardCharsets.UTF_8);
        List<Vertx> instances = List.of(Vertx.vertx(), Vertx.vertx());
        List<RedisRateLimiter> limiters = new ArrayList<>();
        ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(2 * perGateway);
        try {
            for (int g = 0; g < instances.size(); g++) {
                limiters.add(new RedisRateLimiter(() -> RedisRateLimiter.options(redisUrl, null), 1_000_000,
                        Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofMillis(200)));
            }
            int contexts = 4;
            for (int g = 0; g < instances.size(); g++) {
                RedisRateLimiter limiter = limiters.get(g);
                for (int c = 0; c < contexts; c++) {
                    Context context = ((VertxInternal) instances.get(g)).createEventLoopContext();
                    int count = perGateway / contexts + (c < perGateway % contexts ? 1 : 0);
                    context.runOnContext(ignored -> {
                        for (int i = 0; i < count; i++) {
                            limiter.decide(windowKey, limitKey, decision -> {
                                decisions.add(decision);
                                done.countDown();
                            });
                        }
                    });
                }
            }
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("only " + decisions.size() + " decisions within 30 s");
            }
            return new ArrayList<>(decisions);
        } finally {
            limiters.forEach(RedisRateLimiter::close);
            for (Vertx vertx : instances) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
