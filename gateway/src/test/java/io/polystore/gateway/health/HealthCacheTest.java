package io.polystore.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /health} cache: one computation for concurrent callers, reused for the TTL, then computed again. */
@QuarkusTest
@TestProfile(HealthCacheTest.CachedHealth.class)
class HealthCacheTest {

    /** Longer than the default, so that a loaded machine cannot stretch a test past it by accident. */
    static final Duration TTL = Duration.ofSeconds(3);

    public static class CachedHealth implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.health.cache-ttl", TTL.toMillis() + "ms");
        }
    }

    @TestHTTPResource("/health")
    URL health;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void warmUpAndWaitOutEarlierResults() throws Exception {
        FakeServices.allUp();
        // The first probes of a fresh application open connections and load classes: keep that out of the counts.
        client.send(request(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(TTL.toMillis() + 200);
    }

    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
    }

    @Test
    void concurrentCallersShareOneComputation() throws Exception {
        // A silent service keeps the computation in flight for the service timeout while the callers arrive.
        FakeServices.get("catalog-service").mode(Mode.SILENT);
        Map<String, Integer> before = readinessRequests();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.sendAsync(request(), HttpResponse.BodyHandlers.ofString()));
        }
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertEquals(200, response.statusCode(), response.body());
            bodies.add(response.body());
        }
        assertEquals(1, bodies.stream().distinct().count(), "all callers got the same answer: " + bodies);
        assertEquals(increasedByOne(before), readinessRequests());
    }

    @Test
    void answerIsReusedForTheTtlThenComputedAgain() throws Exception {
        Map<String, Integer> before = readinessRequests();
        assertEquals("healthy", status());
        FakeServices.get("payment-service").mode(Mode.CLOSED);
        assertEquals("healthy", status(), "within the TTL the cached answer is served");
        assertEquals(increasedByOne(before), readinessRequests());
        Thread.sleep(TTL.toMillis() + 200);
        assertEquals("degraded", status());
    }

    private String status() throws Exception {
        HttpResponse<String> response = client.send(request(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body()).getString("status");
    }

    private HttpRequest request() throws Exception {
        return HttpRequest.newBuilder(health.toURI()).timeout(Duration.ofSeconds(10)).build();
    }

    private static Map<String, Integer> readinessRequests() {
        Map<String, Integer> counts = new TreeMap<>();
        FakeServices.DATABASES.keySet().forEach(service -> counts.put(service,
                FakeServices.get(service).readinessRequests()));
        return counts;
    }

    private static Map<String, Integer> increasedByOne(Map<String, Integer> counts) {
        Map<String, Integer> increased = new TreeMap<>(counts);
        increased.replaceAll((service, count) -> count + 1);
        return increased;
    }
}
