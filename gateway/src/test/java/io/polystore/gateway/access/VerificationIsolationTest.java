package io.polystore.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.auth.KeyVerifier;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeService;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.polystore.gateway.support.CircuitBreaker;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key verification has a connection pool, a cap on verifications in flight and a circuit breaker of its own: proxied
 * incident-service traffic cannot delay it, and a sick incident-service costs uncached keys a quick 503, not a wait.
 * The proxy pool to each service is 2 connections here, with 3 requests waiting at most (Vert.x counts connections
 * being opened as waiting); verifications give up after 500 ms; 4 may be in flight; 3 failures in a row open the
 * breaker for 1 s.
 */
@QuarkusTest
@TestProfile(VerificationIsolationTest.Isolation.class)
class VerificationIsolationTest {

    static final long VERIFY_TIMEOUT_MS = 500;
    static final long BREAKER_OPEN_MS = 1_000;
    /** Room for a loaded two-core machine. */
    static final long SLACK_MS = 2_000;

    public static class Isolation implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream.max-connections", "2", "gateway.upstream.max-waiting", "3",
                    "gateway.upstream.timeout", "10s",
                    "gateway.auth.verify-timeout", VERIFY_TIMEOUT_MS + "ms",
                    "gateway.auth.verify-max-in-flight", "4",
                    "gateway.auth.breaker-failures", "3",
                    "gateway.auth.breaker-open-for", BREAKER_OPEN_MS + "ms");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    KeyVerifier verifier;

    GatewayClient gateway;

    @BeforeEach
    @AfterEach
    void reset() {
        gateway = new GatewayClient(url);
        FakeServices.allUp();
        FakeKeys.delay(0);
    }

    @Test
    void aBusyIncidentServicePoolDoesNotDelayVerifications() throws Exception {
        assertEquals(200, gateway.get("/api/incidents/1", "X-API-Key", FakeKeys.STANDARD.apiKey()).statusCode());
        FakeService incidents = FakeServices.get("incident-service");
        incidents.forget();
        // Both proxy connections to incident-service busy for 3 s, and more requests queued for them.
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(gateway.getAsync("/api/incidents/slow" + i, "X-API-Key", FakeKeys.STANDARD.apiKey(),
                    "X-Respond-After", "3000"));
        }
        long deadline = System.nanoTime() + SLACK_MS * 1_000_000;
        while (incidents.received().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, incidents.received().size(), "the proxy pool is full: " + incidents.received());
        long started = System.nanoTime();
        HttpResponse<String> fresh = gateway.get("/api/catalog/1", "X-API-Key", FakeKeys.issue("fresh").apiKey());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, fresh.statusCode(), fresh.body());
        assertTrue(tookMs < VERIFY_TIMEOUT_MS, "verified in " + tookMs + " ms while incident-service's proxy pool "
                + "is busy");
        for (CompletableFuture<HttpResponse<String>> call : slow) {
            assertEquals(200, call.get().statusCode());
        }
    }

    @Test
    void aFullWaitQueueToAServiceShedsAtOnce() throws Exception {
        FakeService catalog = FakeServices.get("catalog-service");
        String key = FakeKeys.STANDARD.apiKey();
        // Two connections to catalog-service open and idle (Vert.x counts connections being opened as waiting).
        CompletableFuture<HttpResponse<String>> warm1 = gateway.getAsync("/api/catalog/w1", "X-API-Key", key,
                "X-Respond-After", "300");
        CompletableFuture<HttpResponse<String>> warm2 = gateway.getAsync("/api/catalog/w2", "X-API-Key", key,
                "X-Respond-After", "300");
        assertEquals(200, warm1.get().statusCode());
        assertEquals(200, warm2.get().statusCode());
        catalog.forget();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // both connections busy
            slow.add(gateway.getAsync("/api/catalog/slow" + i, "X-API-Key", key, "X-Respond-After", "1000"));
        }
        long deadline = System.nanoTime() + SLACK_MS * 1_000_000;
        while (catalog.received().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 3; i++) { // the wait queue full
            slow.add(gateway.getAsync("/api/catalog/waiting" + i, "X-API-Key", key, "X-Respond-After", "1000"));
        }
        Thread.sleep(300);
        double busy = gateway.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service", "outcome",
                "busy");
        long started = System.nanoTime();
        HttpResponse<String> shed = gateway.get("/api/catalog/one-too-many", "X-API-Key", key);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        AuthenticationTest.assertProblem(shed, 503);
        assertEquals("1", shed.headers().firstValue("Retry-After").orElse(null));
        assertTrue(tookMs < 1_000, "at once, not after the connect timeout: " + tookMs + " ms");
        assertEquals(busy + 1, gateway.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service",
                "outcome", "busy"));
        for (CompletableFuture<HttpResponse<String>> call : slow) {
            assertEquals(200, call.get().statusCode(), "the waiting ones are served as connections free up");
        }
    }

    @Test
    void verificationsInFlightAreCapped() throws Exception {
        FakeKeys.delay(VERIFY_TIMEOUT_MS / 2); // slow, but within the deadline
        double shed = gateway.metric("gateway_auth_verifications_total", "result", "shed");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(gateway.getAsync("/api/catalog/" + i, "X-API-Key", FakeKeys.issue("capped " + i).apiKey()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.merge(call.get().statusCode(), 1, Integer::sum);
        }
        assertEquals(Map.of(200, 4, 503, 4), statuses, "4 verified, 4 refused at once: too many in flight");
        assertEquals(shed + 4, gateway.metric("gateway_auth_verifications_total", "result", "shed"));
        assertEquals(CircuitBreaker.State.CLOSED, verifier.breakerState(), "shedding is not a failure");
    }

    @Test
    void theBreakerAnswersAtOnceWhileIncidentServiceIsSick() throws Exception {
        FakeServices.get("incident-service").mode(Mode.SILENT);
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.get("/api/catalog", "X-API-Key", FakeKeys.issue("sick").apiKey());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            AuthenticationTest.assertProblem(response, 503);
            assertTrue(tookMs >= VERIFY_TIMEOUT_MS - 50 && tookMs < VERIFY_TIMEOUT_MS + SLACK_MS,
                    "the deadline ends a silent verification: " + tookMs + " ms");
        }
        assertEquals(CircuitBreaker.State.OPEN, verifier.breakerState());
        double open = gateway.metric("gateway_auth_verifications_total", "result", "circuit_open");
        long started = System.nanoTime();
        HttpResponse<String> fast = gateway.get("/api/catalog", "X-API-Key", FakeKeys.issue("fast 503").apiKey());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        AuthenticationTest.assertProblem(fast, 503);
        assertEquals("1", fast.headers().firstValue("Retry-After").orElse(null));
        assertTrue(tookMs < VERIFY_TIMEOUT_MS - 100, "answered without asking: " + tookMs + " ms");
        assertEquals(open + 1, gateway.metric("gateway_auth_verifications_total", "result", "circuit_open"));
        assertEquals(1, gateway.metric("gateway_auth_breaker_open"));

        FakeServices.get("incident-service").mode(Mode.UP);
        Thread.sleep(BREAKER_OPEN_MS + 100);
        HttpResponse<String> probe = gateway.get("/api/catalog", "X-API-Key", FakeKeys.issue("probe").apiKey());
        assertEquals(200, probe.statusCode(), probe.body());
        assertEquals(CircuitBreaker.State.CLOSED, verifier.breakerState());
        assertEquals(0, gateway.metric("gateway_auth_breaker_open"));
    }
}
