package io.polystore.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi} on the public port, from stub documents the fake services serve at {@code /q/openapi} (the
 * default URL: beside their readiness URL) and the gateway's own {@code /q/openapi} (no cache in tests).
 */
@QuarkusTest
class MergedApiDocumentTest {

    /** Each fake's stub: one public operation under its first route, one internal, incident's own Problem. */
    static final Map<String, String> ROUTE = Map.of("incident-service", "/api/incidents",
            "mandate-service", "/api/mandates", "session-service", "/api/sessions", "catalog-service", "/api/catalog",
            "payment-service", "/api/payments");

    @BeforeEach
    void stubs() {
        ROUTE.forEach((service, route) -> FakeServices.get(service).apiDocument(ApiDocumentMergerTest.document(
                "{\"" + route + "\": " + ApiDocumentMergerTest.operation("list", "Thing")
                        + ", \"/internal/secret\": " + ApiDocumentMergerTest.operation("secret", "Thing") + "}",
                "{\"Thing\": {\"type\": \"object\", \"description\": \"" + service + "\"}, \"Problem\": "
                        + (service.equals("incident-service")
                                ? ApiDocumentMergerTest.INCIDENT_PROBLEM
                                : ApiDocumentMergerTest.PROBLEM)
                        + ", \"Status\": {\"type\": \"string\"}}")
                .toString()));
    }

    @AfterEach
    void reset() {
        ROUTE.keySet().forEach(service -> FakeServices.get(service).apiDocument(null));
        FakeServices.allUp();
    }

    @Test
    void everyServicesPublicOperationsAndTheGatewaysHealthInOneDocument() throws Exception {
        String body = given().get("/openapi").then().statusCode(200).contentType("application/json").extract()
                .asString();
        JsonNode merged = new ObjectMapper().readTree(body);
        List<String> paths = ApiDocumentMergerTest.names(merged.get("paths"));
        assertEquals(List.of("/health", "/api/catalog", "/api/incidents", "/api/mandates", "/api/payments",
                "/api/sessions"), paths, "the gateway's own first, then the services by name; no /internal, no /q");
        assertEquals("health", merged.at("/paths/~1health/get/operationId").asText());
        assertEquals("#/components/schemas/Problem",
                merged.at("/paths/~1health/get/responses/400/content/application~1problem+json/schema/$ref").asText(),
                "the gateway's own 400 on /health, as a problem");
        assertEquals("#/components/schemas/IncidentProblem", merged.at(
                "/paths/~1api~1incidents/get/responses/404/content/application~1problem+json/schema/$ref").asText());
        assertTrue(merged.at("/components/schemas/IncidentProblem/properties/maxActive").isObject());
        assertEquals("list", merged.at("/paths/~1api~1catalog/get/operationId").asText());
        assertEquals("incidentList", merged.at("/paths/~1api~1incidents/get/operationId").asText());
        assertEquals("[]", merged.get("x-polystore-missing").toString());
        assertEquals("http://localhost:8080", merged.at("/servers/0/url").asText());
        assertFalse(body.contains("127.0.0.1"), "no service address on the public port");
    }

    @Test
    void aServiceWhoseDocumentCannotBeHadIsLeftOutAndNamed() {
        FakeServices.get("catalog-service").mode(Mode.CLOSED);
        FakeServices.get("payment-service").apiDocument("<html>not a document</html>");
        FakeServices.get("session-service").apiDocument(null);
        given().get("/openapi").then().statusCode(200)
                .body("x-polystore-missing", is(List.of("catalog-service", "payment-service", "session-service")))
                .body("paths.keySet()", is(java.util.Set.of("/health", "/api/incidents", "/api/mandates")));
    }

    @Test
    void onlyGetIsServed() {
        given().post("/openapi").then().statusCode(404).contentType("application/problem+json");
    }
}
