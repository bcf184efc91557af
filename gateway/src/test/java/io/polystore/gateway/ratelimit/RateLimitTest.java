package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.polystore.testsupport.redis.RedisMonitor;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits through the gateway, on the real Redis of the test JVM. Each test uses keys of its own; commands are
 * counted with test-support's {@link RedisMonitor}, which counts only those naming this test's key, so the Redis may be
 * shared. ({@link FreshGatewayRateLimitTest} counts with {@code INFO commandstats} on a Redis of its own.)
 */
@QuarkusTest
class RateLimitTest {

    static final String NAMESPACE = "gateway:";

    @TestHTTPResource("/")
    URL url;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "gateway.rate-limit.requests")
    long defaultRequests;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(url);
        FakeServices.allUp();
    }

    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
    }

    /** What the ops command line writes for {@code ratelimit set}. */
    void customLimit(FakeKeys.Key key, long requests, long window) {
        redis.execute("HSET", RateLimitKeys.limit(NAMESPACE, key.keyId()), "requests", String.valueOf(requests),
                "window", String.valueOf(window));
    }

    HttpResponse<String> call(FakeKeys.Key key, String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-API-Key", key.apiKey()));
        all.addAll(List.of(headers));
        return gateway.get(path, all.toArray(String[]::new));
    }

    @Test
    void concurrentRequestsOnOneKeyAreCountedExactly() throws Exception {
        FakeKeys.Key key = FakeKeys.issue("exact");
        customLimit(key, 50, 3600);
        assertEquals(200, gateway.get("/api/catalog", "X-API-Key", FakeKeys.STANDARD.apiKey()).statusCode());
        // Verified once before the burst, so the burst measures the limiter, not the verification.
        HttpResponse<String> first = call(key, "/api/catalog/warm-up");
        assertEquals(200, first.statusCode(), first.body());
        redis.execute("DEL", RateLimitKeys.window(NAMESPACE, key.keyId()));

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(gateway.getAsync("/api/catalog/" + i, "X-API-Key", key.apiKey()));
        }
        List<Long> remaining = new ArrayList<>();
        Set<Long> resets = new TreeSet<>();
        int admitted = 0;
        int limited = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertHeaders(response, 50, 3600);
            resets.add(GatewayClient.number(response, "X-RateLimit-Reset"));
            if (response.statusCode() == 200) {
                admitted++;
                assertEquals("catalog-service", new JsonObject(response.body()).getString("service"));
                remaining.add(GatewayClient.number(response, "X-RateLimit-Remaining"));
            } else {
                limited++;
                assertTooMany(response);
            }
        }
        assertEquals(50, admitted);
        assertEquals(150, limited);
        assertEquals(LongStream.range(0, 50).boxed().toList(), remaining.stream().sorted().toList(),
                "each Remaining value 49..0 exactly once");
        assertEquals(1, resets.size(), "one Reset for the whole window: " + resets);
        long now = redisTime();
        long reset = resets.iterator().next();
        assertTrue(reset > now && reset <= now + 3600, "reset " + reset + " inside the window from " + now);
        assertEquals("50", redis.execute("HGET", RateLimitKeys.window(NAMESPACE, key.keyId()), "count").toString(),
                "only admitted requests are counted");
    }

    @Test
    void eachDecisionIsExactlyOneEvalshaOfItsOwn() throws Exception {
        FakeKeys.Key key = FakeKeys.issue("one-command");
        customLimit(key, 15, 3600);
        assertEquals(200, call(key, "/api/catalog/warm-up").statusCode(), "verified before counting");
        redis.execute("DEL", RateLimitKeys.window(NAMESPACE, key.keyId()));
        URI redisUri = URI.create(redisUrl());
        String window = RateLimitKeys.window(NAMESPACE, key.keyId());
        Predicate<String> evalsha = line -> line.toLowerCase(Locale.ROOT).contains("\"evalsha\"")
                && line.contains(window);
        Predicate<String> anyOfThisKey = line -> line.contains(window) && !line.contains("[0 lua]");
        try (RedisMonitor monitor = RedisMonitor.start(redisUri.getHost(), redisUri.getPort())) {
            int admitted = 0;
            for (int i = 0; i < 20; i++) {
                admitted += call(key, "/api/catalog/" + i).statusCode() == 200 ? 1 : 0;
            }
            assertEquals(15, admitted);
            assertEquals(20, monitor.awaitCount(evalsha, 20, Duration.ofSeconds(5)),
                    "one EVALSHA per request, admitted or limited");
            // anything more (a replay, an EVAL of the script, a separate read) would show within this wait
            assertEquals(20, monitor.awaitCount(anyOfThisKey, 21, Duration.ofMillis(500)),
                    "no other command from the gateway names this key");
        }
    }

    @Test
    void twoIndependentGatewaysSharingOneRedisCountExactly() throws Exception {
        FakeKeys.Key key = FakeKeys.issue("two-gateways");
        customLimit(key, 50, 3600);
        List<Decision> decisions = TwoGateways.decide(redisUrl(), key.keyId(), NAMESPACE, 100);
        long allowed = decisions.stream().filter(d -> d.outcome() == Decision.Outcome.ALLOWED).count();
        long limited = decisions.stream().filter(d -> d.outcome() == Decision.Outcome.LIMITED).count();
        assertEquals(50, allowed, decisions.toString());
        assertEquals(150, limited);
        assertEquals(LongStream.range(0, 50).boxed().toList(), decisions.stream()
                .filter(d -> d.outcome() == Decision.Outcome.ALLOWED).map(Decision::remaining).sorted().toList());
        assertEquals(1, decisions.stream().map(Decision::reset).distinct().count());
        assertTrue(decisions.stream().allMatch(d -> d.limit() == 50 && d.window() == 3600));
    }

    @Test
    void everyResponseToAnAuthenticatedRequestCarriesTheHeaders() {
        FakeKeys.Key key = FakeKeys.issue("headers");
        customLimit(key, 9, 600);
        Map<String, HttpResponse<String>> responses = new TreeMap<>();
        responses.put("200", call(key, "/api/catalog/1"));
        responses.put("201", call(key, "/api/incidents", "X-Respond-With", "201"));
        responses.put("404 from a service", call(key, "/api/mandates/1", "X-Respond-With", "404"));
        responses.put("409", call(key, "/api/mandates/1", "X-Respond-With", "409"));
        responses.put("500", call(key, "/api/sessions/1", "X-Respond-With", "500"));
        responses.put("404 from the gateway", call(key, "/api/unknown/1"));
        FakeServices.get("payment-service").mode(Mode.CLOSED);
        responses.put("502", call(key, "/api/payments/1"));
        FakeServices.get("payment-service").mode(Mode.SILENT);
        responses.put("504", call(key, "/api/payments/1"));
        FakeServices.get("payment-service").mode(Mode.UP);
        responses.put("200 last", call(key, "/api/payments/1"));
        responses.put("429", call(key, "/api/payments/1"));
        Set<Long> remaining = new TreeSet<>();
        responses.forEach((what, response) -> {
            assertEquals(Integer.parseInt(what.substring(0, 3)), response.statusCode(), what);
            assertHeaders(response, 9, 600);
            remaining.add(GatewayClient.number(response, "X-RateLimit-Remaining"));
        });
        assertEquals(new TreeSet<>(LongStream.range(0, 9).boxed().toList()), remaining);
        assertTooMany(responses.get("429"));
        assertEquals(1, responses.values().stream().map(r -> GatewayClient.number(r, "X-RateLimit-Reset"))
                .distinct().count());
    }

    @Test
    void aServicesOwnRateLimitHeadersNeverReachTheCaller() {
        FakeKeys.Key key = FakeKeys.issue("backend-headers");
        customLimit(key, 7, 70);
        HttpResponse<String> response = call(key, "/api/catalog", "X-Respond-Header", "X-RateLimit-Limit=999999");
        assertEquals(200, response.statusCode());
        assertEquals(List.of("7"), response.headers().allValues("X-RateLimit-Limit"));
        assertHeaders(response, 7, 70);
    }

    @Test
    void aCustomLimitTakesEffectWithTheNextRequestAndRefusalsAreNotCounted() {
        FakeKeys.Key key = FakeKeys.issue("custom");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = call(key, "/api/catalog");
            assertHeaders(response, defaultRequests, 3600);
            assertEquals(defaultRequests - 1 - i, GatewayClient.number(response, "X-RateLimit-Remaining"));
        }
        customLimit(key, 5, 60);
        HttpResponse<String> fourth = call(key, "/api/catalog");
        assertEquals(200, fourth.statusCode());
        assertHeaders(fourth, 5, 60);
        assertEquals(1, GatewayClient.number(fourth, "X-RateLimit-Remaining"), "the window's count is kept");
        assertEquals(200, call(key, "/api/catalog").statusCode());
        for (int i = 0; i < 3; i++) {
            assertTooMany(call(key, "/api/catalog"));
        }
        customLimit(key, 6, 60);
        HttpResponse<String> extra = call(key, "/api/catalog");
        assertEquals(200, extra.statusCode(), "refused requests were not counted: one more fits");
        assertEquals(0, GatewayClient.number(extra, "X-RateLimit-Remaining"));
        assertTooMany(call(key, "/api/catalog"));
        redis.execute("DEL", RateLimitKeys.limit(NAMESPACE, key.keyId()));
        HttpResponse<String> defaults = call(key, "/api/catalog");
        assertEquals(200, defaults.statusCode());
        assertEquals(defaultRequests, GatewayClient.number(defaults, "X-RateLimit-Limit"));
    }

    @Test
    void theWindowRollsOverAtReset() throws Exception {
        FakeKeys.Key key = FakeKeys.issue("rollover");
        customLimit(key, 2, 3);
        HttpResponse<String> first = call(key, "/api/catalog");
        long reset = GatewayClient.number(first, "X-RateLimit-Reset");
        assertEquals(1, GatewayClient.number(first, "X-RateLimit-Remaining"));
        assertEquals(200, call(key, "/api/catalog").statusCode());
        HttpResponse<String> refused = call(key, "/api/catalog");
        // Decided in the same window (same Reset) it must be a 429; a machine slow enough to let the 3 s window end
        // between the requests shows this test as skipped, not passed.
        Assumptions.assumeTrue(GatewayClient.number(refused, "X-RateLimit-Reset") == reset,
                "the window rolled over before the third request was decided");
        assertTooMany(refused);
        long retryAfter = GatewayClient.number(refused, "Retry-After");
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
        while (redisTime() < reset) {
            Thread.sleep(50);
        }
        HttpResponse<String> next = call(key, "/api/catalog");
        assertEquals(200, next.statusCode(), "a new window opens at Reset");
        assertEquals(1, GatewayClient.number(next, "X-RateLimit-Remaining"));
        assertTrue(GatewayClient.number(next, "X-RateLimit-Reset") >= reset + 3);
    }

    @Test
    void everyKeyTheLimiterWritesExpires() {
        FakeKeys.Key limited = FakeKeys.issue("ttl-limited");
        customLimit(limited, 1, 120);
        FakeKeys.Key plain = FakeKeys.issue("ttl-default");
        call(limited, "/api/catalog");
        call(limited, "/api/catalog");
        call(plain, "/api/catalog");
        Set<String> seen = new TreeSet<>();
        String cursor = "0";
        do {
            Response page = redis.execute("SCAN", cursor, "MATCH", RateLimitKeys.allPattern(NAMESPACE), "COUNT",
                    "1000");
            cursor = page.get(0).toString();
            for (Response key : page.get(1)) {
                String name = key.toString();
                seen.add(name);
                long ttl = redis.execute("TTL", name).toLong();
                if (name.endsWith(":limit")) {
                    assertEquals(-1, ttl, "custom limits are configuration: " + name);
                } else {
                    assertTrue(name.endsWith(":w"), "the limiter writes window keys only: " + name);
                    assertTrue(ttl > 0 && ttl <= 3600, name + " expires within its window, TTL " + ttl);
                }
            }
        } while (!"0".equals(cursor));
        assertTrue(seen.contains(RateLimitKeys.window(NAMESPACE, limited.keyId())), seen.toString());
        assertTrue(seen.contains(RateLimitKeys.window(NAMESPACE, plain.keyId())), seen.toString());
        assertTrue(seen.contains(RateLimitKeys.limit(NAMESPACE, limited.keyId())), seen.toString());
    }

    @Test
    void aLongerWindowMovesTheRunningWindowsExpiry() {
        FakeKeys.Key key = FakeKeys.issue("ttl-longer");
        customLimit(key, 10, 100);
        long firstReset = GatewayClient.number(call(key, "/api/catalog"), "X-RateLimit-Reset");
        String window = RateLimitKeys.window(NAMESPACE, key.keyId());
        assertTrue(redis.execute("TTL", window).toLong() <= 100);

        customLimit(key, 10, 1000);
        HttpResponse<String> longer = call(key, "/api/catalog");
        assertEquals(8, GatewayClient.number(longer, "X-RateLimit-Remaining"), "the running window is kept");
        assertEquals(firstReset + 900, GatewayClient.number(longer, "X-RateLimit-Reset"));
        long ttl = redis.execute("TTL", window).toLong();
        assertTrue(ttl > 100 && ttl <= 1000, "the window key lives until the new Reset, TTL " + ttl);
    }

    @Test
    void decisionsAreCounted() {
        FakeKeys.Key key = FakeKeys.issue("metrics");
        customLimit(key, 1, 600);
        double allowed = gateway.metric("gateway_ratelimit_decisions_total", "result", "allowed");
        double limited = gateway.metric("gateway_ratelimit_decisions_total", "result", "limited");
        call(key, "/api/catalog");
        call(key, "/api/catalog");
        assertEquals(allowed + 1, gateway.metric("gateway_ratelimit_decisions_total", "result", "allowed"));
        assertEquals(limited + 1, gateway.metric("gateway_ratelimit_decisions_total", "result", "limited"));
        double upstream = gateway.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service",
                "outcome", "response");
        call(key, "/api/catalog"); // limited: never reaches the service
        assertEquals(upstream, gateway.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service",
                "outcome", "response"));
        customLimit(key, 2, 600);
        call(key, "/api/catalog");
        assertEquals(upstream + 1, gateway.metric("gateway_upstream_latency_seconds_count", "service",
                "catalog-service", "outcome", "response"));
    }

    static void assertHeaders(HttpResponse<String> response, long limit, long window) {
        assertEquals(limit, GatewayClient.number(response, "X-RateLimit-Limit"), "X-RateLimit-Limit");
        assertEquals(window, GatewayClient.number(response, "X-RateLimit-Window"), "X-RateLimit-Window");
        long remaining = GatewayClient.number(response, "X-RateLimit-Remaining");
        assertTrue(remaining >= 0 && remaining < Math.max(limit, 1), "X-RateLimit-Remaining " + remaining);
        assertTrue(GatewayClient.number(response, "X-RateLimit-Reset") > 1_700_000_000L, "X-RateLimit-Reset");
    }

    static void assertTooMany(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(null));
        assertTrue(response.headers().firstValue("X-Backend").isEmpty(), "never reaches the service");
        assertEquals(0, GatewayClient.number(response, "X-RateLimit-Remaining"));
        long retryAfter = GatewayClient.number(response, "Retry-After");
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertNotNull(new JsonObject(response.body()).getString("detail"));
    }

    long redisTime() {
        return redis.execute("TIME").get(0).toLong();
    }

    String redisUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.redis.hosts",
                String.class);
    }
}
