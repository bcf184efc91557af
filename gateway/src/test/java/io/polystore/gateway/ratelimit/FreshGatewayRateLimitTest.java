package io.polystore.gateway.ratelimit;

import io.polystore.testsupport.redis.RestartableRedis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A gateway started for this class alone, with the production rate-limit timeout (1 s) and a Redis of its own, so that
 * (1) its very first requests meet a cold JVM and cold Redis connections, and (2) every Redis command counted here is
 * this class's own, whatever else shares the test JVM's Redis.
 */
@QuarkusTest
@TestProfile(FreshGatewayRateLimitTest.Fresh.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshGatewayRateLimitTest {

    static final String NAMESPACE = "gateway:";

    public static class Fresh implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(FakeServices.class), new TestResourceEntry(RestartableRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the production default, not the test profile's 2 s
            return Map.of("gateway.rate-limit.redis-timeout", "1s");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    RedisDataSource redis;

    @Test
    @Order(1)
    void aColdGatewayAdmitsExactlyTheLimitAndNeverFailsOpen() throws Exception {
        RestartableRedis.startServer();
        FakeServices.allUp();
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key key = FakeKeys.issue("cold");
        customLimit(key, 50);
        // The very first requests this gateway serves: nothing verified, no Redis connection open, code not compiled.
        Burst burst = burst(gateway, key, 200);
        assertEquals(50, burst.admitted(), burst.toString());
        assertEquals(150, burst.limited(), burst.toString());
        assertEquals(0, gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open"));
        assertEquals(50, gateway.metric("gateway_ratelimit_decisions_total", "result", "allowed"));
        assertEquals("50", redis.execute("HGET", RateLimitKeys.window(NAMESPACE, key.keyId()), "count").toString());
    }

    @Test
    @Order(2)
    void slowAnswersAreWaitedForNotFailedOpen() throws Exception {
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key key = FakeKeys.issue("slow answers");
        customLimit(key, 50);
        assertEquals(200, gateway.get("/api/catalog", "X-API-Key", FakeKeys.STANDARD.apiKey()).statusCode());
        assertEquals(200, gateway.get("/api/catalog/verify", "X-API-Key", key.apiKey()).statusCode());
        redis.execute("DEL", RateLimitKeys.window(NAMESPACE, key.keyId()));
        double failedOpen = gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open");
        // Redis holds every script for 400 ms: each answer is slower than the old 100 ms timeout, yet Redis is up.
        redis.execute("CLIENT", "PAUSE", "400", "WRITE");
        long started = System.nanoTime();
        Burst burst = burst(gateway, key, 200);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(50, burst.admitted(), burst.toString());
        assertEquals(150, burst.limited(), burst.toString());
        assertEquals(failedOpen, gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open"));
        assertTrue(tookMs >= 300, "the answers were slow: " + tookMs + " ms");
    }

    @Test
    @Order(3)
    void eachRequestCostsExactlyOneRedisCommand() {
        FakeKeys.Key key = FakeKeys.issue("one-command");
        for (int i = 0; i < 20; i++) {
            // Warm up: every event loop opens its Redis connection (HELLO) on its first request; each client here
            // is a new HTTP connection, and connections are spread over the event loops.
            assertEquals(200, new GatewayClient(url).get("/api/catalog", "X-API-Key", key.apiKey()).statusCode());
        }
        GatewayClient gateway = new GatewayClient(url);
        Map<String, Long> before = commandStats();
        int requests = 30;
        for (int i = 0; i < requests; i++) {
            assertEquals(200, gateway.get("/api/catalog/" + i, "X-API-Key", key.apiKey()).statusCode());
        }
        Map<String, Long> delta = delta(before, commandStats());
        delta.remove("info"); // the test's own
        delta.remove("hello"); // a connection being opened, not a request
        // INFO commandstats also counts the commands the script runs inside Redis; only EVALSHA is a round trip.
        // The window was opened (HSET, EXPIREAT) during the warm-up: a running window costs one HINCRBY.
        assertEquals(Map.of("evalsha", (long) requests, "time", (long) requests, "hmget", 2L * requests, "hincrby",
                (long) requests), delta);
    }

    @Test
    @Order(4)
    void scriptFlushBetweenRequestsChangesNothing() {
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key key = FakeKeys.issue("flush");
        redis.execute("HSET", RateLimitKeys.limit(NAMESPACE, key.keyId()), "requests", "10", "window", "600");
        HttpResponse<String> before = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
        double failedOpen = gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open");
        Map<String, Long> stats = commandStats();
        redis.execute("SCRIPT", "FLUSH");
        HttpResponse<String> after = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
        HttpResponse<String> again = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
        Map<String, Long> delta = delta(stats, commandStats());
        for (HttpResponse<String> response : List.of(after, again)) {
            assertEquals(200, response.statusCode());
            RateLimitTest.assertHeaders(response, 10, 600);
        }
        assertEquals(GatewayClient.number(before, "X-RateLimit-Remaining") - 1,
                GatewayClient.number(after, "X-RateLimit-Remaining"));
        assertEquals(GatewayClient.number(before, "X-RateLimit-Reset"),
                GatewayClient.number(after, "X-RateLimit-Reset"));
        assertEquals(GatewayClient.number(after, "X-RateLimit-Remaining") - 1,
                GatewayClient.number(again, "X-RateLimit-Remaining"));
        assertEquals(failedOpen, gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open"));
        assertEquals(1L, delta.getOrDefault("eval", 0L), "NOSCRIPT once, reloaded by EVAL: " + delta);
        assertEquals(2L, delta.getOrDefault("evalsha", 0L), delta.toString());
    }

    record Burst(int admitted, int limited, Map<Integer, Integer> statuses) {
    }

    static Burst burst(GatewayClient gateway, FakeKeys.Key key, int requests) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(gateway.getAsync("/api/catalog/" + i, "X-API-Key", key.apiKey()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.merge(call.get().statusCode(), 1, Integer::sum);
        }
        return new Burst(statuses.getOrDefault(200, 0), statuses.getOrDefault(429, 0), statuses);
    }

    void customLimit(FakeKeys.Key key, long requests) {
        redis.execute("HSET", RateLimitKeys.limit(NAMESPACE, key.keyId()), "requests", String.valueOf(requests),
                "window", "3600");
    }

    /** Calls per command, from INFO commandstats (this class's own Redis: every command is this class's). */
    Map<String, Long> commandStats() {
        String info = redis.execute("INFO", "commandstats").toString();
        return info.lines().filter(line -> line.startsWith("cmdstat_"))
                .collect(Collectors.toMap(line -> line.substring("cmdstat_".length(), line.indexOf(':')),
                        line -> Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"))));
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((command, calls) -> {
            long more = calls - before.getOrDefault(command, 0L);
            if (more != 0) {
                delta.put(command, more);
            }
        });
        return delta;
    }
}
