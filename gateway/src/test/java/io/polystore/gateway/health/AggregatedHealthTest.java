package io.polystore.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.polystore.gateway.GatewayClient;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /health} against real HTTP servers in each state a service can be in (no cache in the test profile). */
@QuarkusTest
class AggregatedHealthTest {

    private static final Map<String, String> ALL_CONNECTED = Map.of(
            "mysql-incidents", "connected",
            "postgresql", "connected",
            "redis", "connected",
            "neo4j", "connected",
            "mysql-payments", "connected");

    /** The management port's /health: the public report plus why each service is down. */
    private static RequestSpecification detail() {
        return given().baseUri("http://localhost").port(GatewayClient.managementBase().getPort());
    }

    /** The detailed /health on the management port (Quarkus' management URLs are under /q: not this one). */
    private final URI health = GatewayClient.managementBase().resolve("health");

    @BeforeEach
    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
    }

    @Test
    void allServicesUpIsHealthy() {
        JsonPath body = detail().get("/health").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("status", is("healthy"))
                .body("services.size()", is(5))
                .body("services.'incident-service'.status", is("up"))
                .body("services.'incident-service'.latencyMs", greaterThanOrEqualTo(0))
                .body("services.'incident-service'.error", nullValue())
                .extract().jsonPath();
        FakeServices.DATABASES.keySet()
                .forEach(service -> assertEquals("up", body.getString("services.'" + service + "'.status"), service));
        assertEquals(ALL_CONNECTED, body.getMap("databases"));
    }

    @Test
    void closedServiceIsDownWithItsDatabaseUnknown() {
        FakeServices.get("payment-service").mode(Mode.CLOSED);
        JsonPath body = detail().get("/health").then()
                .statusCode(200)
                .body("status", is("degraded"))
                .body("services.'payment-service'.status", is("down"))
                .body("services.'payment-service'.error", containsString("not reachable"))
                .body("services.'incident-service'.status", is("up"))
                .extract().jsonPath();
        assertEquals(with("mysql-payments", "unknown"), body.getMap("databases"));
    }

    @Test
    void silentServiceCannotDelayTheAnswer() throws Exception {
        FakeServices.get("catalog-service").mode(Mode.SILENT);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build();
        client.send(request, HttpResponse.BodyHandlers.ofString());
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 1_100, "/health took " + tookMs + " ms");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        assertEquals("degraded", body.getString("status"));
        JsonObject catalog = body.getJsonObject("services").getJsonObject("catalog-service");
        assertEquals("down", catalog.getString("status"));
        assertEquals("no answer within 500 ms", catalog.getString("error"));
        assertTrue(catalog.getLong("latencyMs") >= 450, catalog.encode());
        assertEquals(with("neo4j", "unknown"), body.getJsonObject("databases").getMap());
    }

    @Test
    void serviceWithItsStoreDownReportsTheDatabaseDisconnected() {
        FakeServices.get("mandate-service").mode(Mode.STORE_DOWN);
        JsonPath body = detail().get("/health").then()
                .statusCode(200)
                .body("status", is("degraded"))
                .body("services.'mandate-service'.status", is("down"))
                .body("services.'mandate-service'.error", is("checks down: postgresql"))
                .extract().jsonPath();
        assertEquals(with("postgresql", "disconnected"), body.getMap("databases"));
    }

    @Test
    void answerThatIsNotReadinessJsonLeavesTheDatabaseUnknown() {
        FakeServices.get("session-service").mode(Mode.GARBAGE);
        JsonPath body = detail().get("/health").then()
                .statusCode(200)
                .body("status", is("degraded"))
                .body("services.'session-service'.status", is("down"))
                .body("services.'session-service'.error", is("HTTP 200 without readiness JSON"))
                .extract().jsonPath();
        assertEquals(with("redis", "unknown"), body.getMap("databases"));
    }

    @Test
    void noServiceUpIsUnhealthy() {
        FakeServices.all(Mode.CLOSED);
        JsonPath body = detail().get("/health").then()
                .statusCode(503)
                .body("status", is("unhealthy"))
                .extract().jsonPath();
        FakeServices.DATABASES.keySet()
                .forEach(service -> assertEquals("down", body.getString("services.'" + service + "'.status")));
        FakeServices.DATABASES.values()
                .forEach(database -> assertEquals("unknown", body.getString("databases.'" + database + "'")));
    }

    @Test
    void allSilentIsUnhealthyWithinTheDeadline() throws Exception {
        FakeServices.all(Mode.SILENT);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(health.toString())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("unhealthy", new JsonObject(response.body()).getString("status"));
        assertTrue(tookMs < 1_100, "/health took " + tookMs + " ms");
    }

    private static Map<String, String> with(String database, String state) {
        Map<String, String> expected = new HashMap<>(ALL_CONNECTED);
        expected.put(database, state);
        return expected;
    }
}
