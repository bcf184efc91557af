package io.polystore.rest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class StoreReadinessCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void upWhenThePingAnswers() {
        HealthCheckResponse response = check("teststore", () -> Uni.createFrom().item("PONG"), true).call().await()
                .atMost(WAIT);
        assertEquals("teststore", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
    }

    @Test
    void downWithTheReasonWhenThePingFails() {
        HealthCheckResponse response = check("teststore",
                () -> Uni.createFrom().failure(new ConnectException("Connection refused")), true).call().await()
                .atMost(WAIT);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("Connection refused", response.getData().orElseThrow().get("error"));
    }

    @Test
    void downWhenThePingDoesNotAnswerWithinTheDeadline() {
        long start = System.nanoTime();
        HealthCheckResponse response = check("teststore", () -> Uni.createFrom().nothing(), true).call().await()
                .atMost(WAIT);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("no answer within PT0.2S", response.getData().orElseThrow().get("error"));
        assertTrue(tookMs >= 150 && tookMs < 3_000, "took " + tookMs + " ms");
    }

    @Test
    void anOptionalStoreStaysUpAndReportsTheFailure() {
        HealthCheckResponse response = check("redis",
                () -> Uni.createFrom().failure(new ConnectException("Connection refused")), false).call().await()
                .atMost(WAIT);
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("Connection refused", response.getData().orElseThrow().get("error"));
        assertEquals("admitted", response.getData().orElseThrow().get("meanwhile"));
    }

    private static StoreReadinessCheck check(String name, Supplier<Uni<?>> ping, boolean required) {
        return new StoreReadinessCheck(name, Duration.ofMillis(200)) {
            @Override
            protected Uni<?> ping() {
                return ping.get();
            }

            @Override
            protected boolean required() {
                return required;
            }

            @Override
            protected void describeFailure(org.eclipse.microprofile.health.HealthCheckResponseBuilder response) {
                response.withData("meanwhile", "admitted");
            }
        };
    }
}
