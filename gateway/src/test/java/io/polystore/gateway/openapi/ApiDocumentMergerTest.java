package io.polystore.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge on its own: paths clients call, clashing components renamed with their refs, unique operation ids. */
class ApiDocumentMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String PROBLEM = """
            {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}""";
    static final String INCIDENT_PROBLEM = """
            {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"},
             "currentStatus": {"$ref": "#/components/schemas/Status"}, "maxActive": {"type": "integer"}}}""";

    static ObjectNode document(String paths, String schemas) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"openapi": "3.1.0", "info": {"title": "t", "version": "1",
                      "license": {"name": "Proprietary", "identifier": "LicenseRef-Polystore-Proprietary"}},
                     "servers": [{"url": "http://localhost:8080"}],
                     "security": [{"apiKey": []}, {"bearerApiKey": []}],
                     "tags": [{"name": "Things", "description": "d"}],
                     "paths": %s,
                     "components": {"schemas": %s,
                       "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}}}"""
                    .formatted(paths, schemas));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String operation(String id, String schema) {
        return """
                {"get": {"operationId": "%s", "tags": ["Things"], "responses": {
                  "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%s"}}}},
                  "404": {"description": "no", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}"""
                .formatted(id, schema);
    }

    @Test
    void clashingComponentsAreRenamedForTheirServiceAndItsRefsFollow() {
        ObjectNode gateway = document("{\"/health\": " + operation("health", "Report") + ", \"/q/metrics\": "
                + operation("metrics", "Report") + "}",
                "{\"Report\": {\"type\": \"object\"}, \"Problem\": " + PROBLEM
                        + "}");
        ObjectNode incident = document("{\"/api/incidents\": " + operation("listIncidents", "Incident")
                + ", \"/api/incidents/{id}\": " + operation("health", "Incident") + ", \"/internal/keys/verify\": "
                + operation("verify", "Secret") + "}",
                "{\"Incident\": {\"type\": \"object\", \"properties\": "
                        + "{\"status\": {\"$ref\": \"#/components/schemas/Status\"}}}, \"Status\": {\"type\": \"string\"}, "
                        + "\"Secret\": {\"type\": \"object\"}, \"Unused\": {\"type\": \"object\"}, \"Problem\": "
                        + INCIDENT_PROBLEM + "}");
        ObjectNode payment = document("{\"/api/payments\": " + operation("listPayments", "Payment") + "}",
                "{\"Payment\": {\"type\": \"object\", \"properties\": {\"status\": {\"$ref\": "
                        + "\"#/components/schemas/Status\"}}}, \"Status\": {\"type\": \"integer\"}, \"Problem\": "
                        + PROBLEM + "}");
        ObjectNode merged = ApiDocumentMerger.merge(
                new ApiDocumentMerger.Part("gateway", gateway, List.of()),
                List.of(new ApiDocumentMerger.Part("incident-service", incident,
                        List.of("/api/incidents", "/api/keys")),
                        new ApiDocumentMerger.Part("payment-service", payment, List.of("/api/payments"))),
                List.of("catalog-service"));

        assertEquals(List.of("/health", "/api/incidents", "/api/incidents/{id}", "/api/payments"),
                names(merged.get("paths")), "no /q/*, nothing outside a service's routes");
        JsonNode schemas = merged.at("/components/schemas");
        assertEquals(List.of("Report", "Problem", "Incident", "Status", "IncidentProblem", "Payment", "PaymentStatus"),
                names(schemas), "unused ones dropped; equal ones once; clashing ones renamed");
        assertEquals("#/components/schemas/IncidentProblem",
                merged.at("/paths/~1api~1incidents/get/responses/404/content/application~1problem+json/schema/$ref")
                        .asText());
        assertEquals("#/components/schemas/Problem",
                merged.at("/paths/~1api~1payments/get/responses/404/content/application~1problem+json/schema/$ref")
                        .asText(),
                "payment's Problem is the gateway's");
        assertEquals("#/components/schemas/Status", schemas.at("/IncidentProblem/properties/currentStatus/$ref")
                .asText(), "incident's Status came first");
        assertTrue(schemas.at("/IncidentProblem/properties/maxActive").isObject());
        assertEquals("integer", schemas.at("/PaymentStatus/type").asText());
        assertEquals("#/components/schemas/PaymentStatus", schemas.at("/Payment/properties/status/$ref").asText());

        assertEquals("health", merged.at("/paths/~1health/get/operationId").asText());
        assertEquals("incidentHealth", merged.at("/paths/~1api~1incidents~1{id}/get/operationId").asText());
        assertEquals(1, merged.get("tags").size(), "tags once by name");
        assertEquals("http://localhost:8080", merged.at("/servers/0/url").asText());
        assertEquals("Polystore", merged.at("/info/title").asText());
        assertEquals("LicenseRef-Polystore-Proprietary", merged.at("/info/license/identifier").asText());
        assertTrue(merged.at("/components/securitySchemes/apiKey").isObject());
        assertEquals("[\"catalog-service\"]", merged.get(ApiDocumentMerger.MISSING).toString());
    }

    @Test
    void withoutTheGatewaysOwnDocumentTheServicesStillMerge() {
        ObjectNode payment = document("{\"/api/payments\": " + operation("listPayments", "Payment") + "}",
                "{\"Payment\": {\"type\": \"object\"}, \"Problem\": " + PROBLEM + "}");
        ObjectNode merged = ApiDocumentMerger.merge(null,
                List.of(new ApiDocumentMerger.Part("payment-service", payment, List.of("/api/payments"))),
                List.of("gateway"));
        assertEquals(List.of("/api/payments"), names(merged.get("paths")));
        assertEquals("[\"gateway\"]", merged.get(ApiDocumentMerger.MISSING).toString());
        assertFalse(merged.has("servers"));
    }

    @Test
    void routesMatchWholeSegments() {
        assertTrue(ApiDocumentMerger.callable("/api/payments/{id}", List.of("/api/payments")));
        assertFalse(ApiDocumentMerger.callable("/api/paymentsX", List.of("/api/payments")));
        assertFalse(ApiDocumentMerger.callable("/q/openapi", List.of()));
        assertEquals("Incident", ApiDocumentMerger.prefix("incident-service"));
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
