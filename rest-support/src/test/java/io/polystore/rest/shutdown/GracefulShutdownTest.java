package io.polystore.rest.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.app.ChassisTestResource;
import io.quarkus.runtime.Application;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The chassis' graceful shutdown ({@code quarkus.shutdown.timeout}): a request in flight when the application is told
 * to stop still gets its answer. Own profile, so that stopping this application instance affects no other test class.
 */
@QuarkusTest
@TestProfile(GracefulShutdownTest.OwnApplication.class)
class GracefulShutdownTest {

    public static class OwnApplication implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("store.retry-after", "9s");
        }
    }

    @TestHTTPResource("/test/slow")
    URI slow;

    @Test
    void aRequestInFlightFinishesBeforeTheServerStops() throws Exception {
        assertEquals(Duration.ofSeconds(30),
                ConfigProvider.getConfig().getValue("quarkus.shutdown.timeout", Duration.class));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(slow).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ChassisTestResource.IN_SLOW.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, ChassisTestResource.IN_SLOW.get(), "the slow request reached the application");

        long start = System.nanoTime();
        Thread stopper = new Thread(() -> Application.currentApplication().stop(), "stop-application");
        stopper.start();
        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
        stopper.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 15_000, "stopping took " + tookMs + " ms");
    }
}
