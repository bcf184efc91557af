package io.polystore.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's own probes, metrics and API description. */
@QuarkusTest
class GatewayEndpointsTest {

    /** /q/* lives on the management port only. */
    private static RequestSpecification management() {
        return given().baseUri("http://localhost").port(GatewayClient.managementBase().getPort());
    }

    @Test
    void idleClientConnectionsAreClosedAfterAMinuteNotHalfAnHour() {
        // Quarkus' default is 30 min; the gateway's is in application.properties (QUARKUS_HTTP_IDLE_TIMEOUT)
        assertEquals(java.time.Duration.ofSeconds(60), org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.idle-timeout", java.time.Duration.class));
        assertFalse(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.http2", Boolean.class), "no h2c");
    }

    @Test
    void thePublicPortServesNoQuarkusEndpoints() {
        for (String path : new String[]{"/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void publicHealthCarriesNoAddressesOrErrorsButTheManagementPortDoes() {
        FakeServices.all(Mode.CLOSED);
        String publicBody = given().get("/health").then().statusCode(503).extract().body().asString();
        assertFalse(publicBody.contains("127.0.0.1") || publicBody.contains("error")
                || publicBody.contains("refused"), publicBody);
        management().get("/health").then().statusCode(503)
                .body("services.'incident-service'.error", containsString("not reachable"));
    }

    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
    }

    @Test
    void readinessDoesNotDependOnTheServices() {
        FakeServices.all(Mode.CLOSED);
        management().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsCountProxiedRequestsByRouteNotByPath() {
        String key = FakeKeys.STANDARD.apiKey();
        given().header("X-API-Key", key).get("/api/incidents/101").then().statusCode(200);
        given().header("X-API-Key", key).get("/api/incidents/102").then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/incidents/*\""))
                .body(not(containsString("/api/incidents/101")));
    }

    @Test
    void openApiDescribesHealth() {
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/health'.get.responses.'503'.description", containsString("unhealthy"));
    }
}
