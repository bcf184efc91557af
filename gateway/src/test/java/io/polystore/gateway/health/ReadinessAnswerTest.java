package io.polystore.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessAnswerTest {

    private static final ServiceTarget PAYMENTS = new ServiceTarget("payment-service", "http://x/q/health/ready",
            List.of("mysql-payments"));

    @Test
    void upWithItsCheckUpIsConnected() {
        ProbeResult result = interpret(200, """
                {"status":"UP","checks":[{"name":"mysql-payments","status":"UP"},{"name":"x","status":"UP"}]}""");
        assertEquals(new ServiceHealth(ServiceState.UP, 3, null), result.health());
        assertEquals(Map.of("mysql-payments", DatabaseState.CONNECTED), result.databases());
    }

    @Test
    void downWithItsCheckDownIsDisconnectedAndNamesTheFailingChecks() {
        ProbeResult result = interpret(503, """
                {"status":"DOWN","checks":[{"name":"mysql-payments","status":"DOWN"},{"name":"b","status":"DOWN"}]}""");
        assertEquals(new ServiceHealth(ServiceState.DOWN, 3, "checks down: mysql-payments, b"), result.health());
        assertEquals(Map.of("mysql-payments", DatabaseState.DISCONNECTED), result.databases());
    }

    @Test
    void downBecauseOfAnotherCheckKeepsTheDatabaseConnected() {
        ProbeResult result = interpret(503,
                """
                        {"status":"DOWN","checks":[{"name":"mysql-payments","status":"UP"},{"name":"redis","status":"DOWN"}]}""");
        assertEquals(ServiceState.DOWN, result.health().status());
        assertEquals("checks down: redis", result.health().error());
        assertEquals(Map.of("mysql-payments", DatabaseState.CONNECTED), result.databases());
    }

    @Test
    void missingCheckIsUnknownNeverConnected() {
        ProbeResult result = interpret(200, "{\"status\":\"UP\",\"checks\":[]}");
        assertEquals(ServiceState.UP, result.health().status());
        assertEquals(Map.of("mysql-payments", DatabaseState.UNKNOWN), result.databases());
    }

    @Test
    void otherStatusIsDown() {
        ProbeResult result = interpret(500, "{\"status\":\"UP\",\"checks\":[{\"name\":\"mysql-payments\"}]}");
        assertEquals(new ServiceHealth(ServiceState.DOWN, 3, "HTTP 500, readiness UP"), result.health());
        assertEquals(Map.of("mysql-payments", DatabaseState.UNKNOWN), result.databases());
    }

    @Test
    void garbageLeavesEverythingUnknown() {
        for (String garbage : new String[]{"<html/>", "[1,2]", "{\"checks\":[]}", "", "{\"status\":1}"}) {
            ProbeResult result = interpret(200, garbage);
            assertEquals(ServiceState.DOWN, result.health().status(), garbage);
            assertEquals("HTTP 200 without readiness JSON", result.health().error(), garbage);
            assertEquals(Map.of("mysql-payments", DatabaseState.UNKNOWN), result.databases(), garbage);
        }
        assertEquals(DatabaseState.UNKNOWN, ReadinessAnswer.interpret(PAYMENTS, 200, null, 1).databases()
                .get("mysql-payments"));
    }

    @Test
    void unansweredShortensLongErrors() {
        ProbeResult result = ReadinessAnswer.unanswered(PAYMENTS, "x".repeat(500), 7);
        assertEquals(200, result.health().error().length());
        assertEquals(7, result.health().latencyMs());
        assertNull(ReadinessAnswer.interpret(PAYMENTS, 200,
                Buffer.buffer("{\"status\":\"UP\",\"checks\":[]}"), 1).health().error());
    }

    @Test
    void overallStatusFollowsHowManyAreUp() {
        assertEquals(OverallStatus.HEALTHY, OverallStatus.of(5, 5));
        assertEquals(OverallStatus.DEGRADED, OverallStatus.of(1, 5));
        assertEquals(OverallStatus.DEGRADED, OverallStatus.of(4, 5));
        assertEquals(OverallStatus.UNHEALTHY, OverallStatus.of(0, 5));
        assertEquals(OverallStatus.UNHEALTHY, OverallStatus.of(0, 0));
    }

    private static ProbeResult interpret(int status, String body) {
        return ReadinessAnswer.interpret(PAYMENTS, status, Buffer.buffer(body), 3);
    }
}
