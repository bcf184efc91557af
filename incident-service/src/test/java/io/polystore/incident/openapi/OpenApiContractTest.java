package io.polystore.incident.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.incident.apikey.CreateApiKeyRequest;
import io.polystore.incident.incident.CreateIncidentRequest;
import io.polystore.incident.incident.IncidentStatus;
import io.polystore.incident.incident.Severity;
import io.polystore.incident.incident.UpdateIncidentRequest;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document ({@code /q/openapi}; on the test port, as the test profile has no management interface)
 * held against what the code does: every operation's id, security and error answers; the request fields, which of them
 * are required, their enums and lengths; and every answer a request here gets is one the document declares, in the
 * shape it declares. A change to either side that the other does not follow fails here.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ASTRAL = "\uD83D\uDE00";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @Inject
    TestCallers callers;

    private TestCaller caller;

    /** Once per class; in a {@code @BeforeEach}, as RestAssured knows the test port only from then on. */
    private static void fetchTheDocument() throws IOException {
        if (document != null) {
            return;
        }
        String served = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        document = JSON.readTree(served);
    }

    @BeforeEach
    void newCaller() throws IOException {
        fetchTheDocument();
        caller = callers.create();
    }

    // --- the document itself ---

    // the server, the security schemes, the license and the stored document: test-support's ApiDocumentContract
    // (ApiDocumentTest)

    @Test
    void everyOperationHasAnIdASummaryItsScopeAndProblemAnswers() {
        Set<String> ids = new HashSet<>();
        operations().forEach((id, operation) -> {
            assertTrue(ids.add(id), "operationId unique: " + id);
            assertTrue(id.matches("[a-z][A-Za-z]+"), id);
            assertFalse(operation.node.path("summary").asText().isBlank(), id + " has a summary");
            assertEquals(1, operation.node.path("tags").size(), id + " has its tag");
            String scope = operation.path.startsWith("/api/keys") ? Scopes.KEYS_MANAGE : Scopes.INCIDENTS;
            assertEquals(JSON.valueToTree(List.of(Map.of("apiKey", List.of(scope)), Map.of("bearerApiKey",
                    List.of(scope)))), operation.node.path("security"), id + ": an API key with " + scope);
            JsonNode responses = operation.node.path("responses");
            for (String status : List.of("401", "403", "500", "503")) {
                assertTrue(responses.has(status), id + " declares " + status);
            }
            assertTrue(names(responses).stream().anyMatch(status -> status.startsWith("2")), id + " has a 2xx");
            names(responses).stream().filter(status -> status.startsWith("4") || status.startsWith("5"))
                    .forEach(status -> assertEquals(
                            JSON.valueToTree(Map.of(PROBLEM_JSON, Map.of("schema",
                                    Map.of("$ref", "#/components/schemas/Problem")))),
                            responses.path(status).path("content"), id + " " + status + " is a Problem"));
        });
        assertEquals(Set.of("createIncident", "listIncidents", "getIncident", "updateIncident", "listApiKeys",
                "getApiKey", "createApiKey", "regenerateApiKey", "revokeApiKey"), ids);
        names(document.path("paths")).forEach(path -> assertTrue(path.startsWith("/api/"),
                "only what clients call through the gateway: " + path));
    }

    /** The request schemas have exactly the fields the request types have: nothing internal, nothing missing. */
    @Test
    void requestSchemasPublishExactlyTheRequestFields() {
        assertFields("NewIncident", CreateIncidentRequest.class);
        assertFields("IncidentChange", UpdateIncidentRequest.class);
        assertFields("NewApiKey", CreateApiKeyRequest.class);
        assertFalse(document.toString().contains("statusOrSeverity"));
        assertFalse(schema("Incident").path("properties").has("version"), "the version travels as the ETag");
        for (String request : List.of("NewIncident", "IncidentChange", "NewApiKey")) {
            assertFalse(schema(request).path("additionalProperties").asBoolean(true),
                    request + ": unknown fields are refused, and the document says so");
        }
        assertEquals(1, schema("IncidentChange").path("minProperties").asInt());
    }

    // --- the document against the behaviour ---

    @Test
    void requiredFieldsAreRequiredAndTheOthersAreNot() {
        checkRequired("createIncident", "NewIncident", Map.of("title", "t", "description", "d", "severity", "low"));
        checkRequired("createApiKey", "NewApiKey", Map.of("name", "n", "scopes", List.of(Scopes.INCIDENTS)));
    }

    @Test
    void theEnumsAreExactlyTheValuesTheCodeAccepts() {
        List<String> severities = enumOf("Severity");
        assertEquals(Arrays.stream(Severity.values()).map(Severity::value).toList(), severities);
        for (String severity : severities) {
            call("createIncident", Map.of(), Map.of("title", "enum", "severity", severity)).then().statusCode(201);
            call("listIncidents", Map.of("severity", severity), null).then().statusCode(200);
        }
        for (String undocumented : List.of("LOW", " low", "urgent")) {
            Response refused = call("createIncident", Map.of(), Map.of("title", "enum", "severity", undocumented));
            refused.then().statusCode(400);
            assertEquals("must be one of " + severities, refused.path("errors[0].message"));
        }

        List<String> statuses = enumOf("IncidentStatus");
        assertEquals(Arrays.stream(IncidentStatus.values()).map(IncidentStatus::value).toList(), statuses);
        int id = call("createIncident", Map.of(), Map.of("title", "walk", "severity", "low")).path("id");
        for (String status : List.of("investigating", "resolved", "closed", "open")) {
            assertTrue(statuses.contains(status));
            call("updateIncident", Map.of("id", id), Map.of("status", status)).then().statusCode(200);
            call("listIncidents", Map.of("status", status), null).then().statusCode(200);
        }
        call("updateIncident", Map.of("id", id), Map.of("status", "Open")).then().statusCode(400);

        assertEquals(Scopes.KEY_SCOPES, enumOf("Scope"));
        call("createApiKey", Map.of(), Map.of("name", "every scope", "scopes", enumOf("Scope")))
                .then().statusCode(201);
        call("createApiKey", Map.of(), Map.of("name", "no such scope", "scopes", List.of("admin")))
                .then().statusCode(400);
    }

    /** {@code maxLength} counts characters (code points), as the code does: the document's limit, astral or not. */
    @Test
    void maxLengthsAreTheCodesInCodePoints() {
        checkLengths("createIncident", "NewIncident", Map.of("title", "t", "severity", "low"));
        checkLengths("createApiKey", "NewApiKey", Map.of("name", "n"));
    }

    /** Every answer provoked here is declared for its operation, and has the declared shape. */
    @Test
    void theAnswersAreTheDocumentedOnes() {
        TestCaller stranger = callers.create(List.of(Scopes.PAYMENTS));
        Response created = call("createIncident", Map.of(), Map.of("title", "shape", "severity", "low"));
        declared("createIncident", created, 201);
        int id = created.path("id");
        declared("createIncident", call("createIncident", Map.of(), Map.of("title", "")), 400);
        declared("createIncident", anonymous().body(Map.of("title", "t")).post("/api/incidents"), 401);
        declared("createIncident", as(stranger, "createIncident", Map.of(), Map.of("title", "t", "severity",
                "low")), 403);
        declared("listIncidents", call("listIncidents", Map.of(), null), 200);
        declared("listIncidents", call("listIncidents", Map.of("limit", 0), null), 400);
        declared("getIncident", call("getIncident", Map.of("id", id), null), 200);
        declared("getIncident", call("getIncident", Map.of("id", 999_999_999), null), 404);
        declared("updateIncident", call("updateIncident", Map.of("id", id), Map.of("status", "closed")), 200);
        declared("updateIncident", call("updateIncident", Map.of("id", id), Map.of("status", "resolved")), 409);
        declared("updateIncident", call("updateIncident", Map.of("id", id), Map.of()), 400);
        declared("updateIncident", call("updateIncident", Map.of("id", 999_999_999), Map.of("status", "open")),
                404);
        declared("updateIncident", request(caller).header("If-Match", "\"0\"").body(Map.of("status", "open"))
                .patch("/api/incidents/" + id), 412);

        Response key = call("createApiKey", Map.of(), Map.of("name", "shape"));
        declared("createApiKey", key, 201);
        int keyId = key.path("keyId");
        declared("createApiKey", call("createApiKey", Map.of(), Map.of("name", " ")), 400);
        TestCaller narrow = callers.create(List.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE));
        declared("createApiKey", as(narrow, "createApiKey", Map.of(), Map.of("name", "wider", "scopes",
                List.of(Scopes.PAYMENTS))), 403);
        declared("listApiKeys", call("listApiKeys", Map.of(), null), 200);
        declared("listApiKeys", as(stranger, "listApiKeys", Map.of(), null), 403);
        declared("getApiKey", call("getApiKey", Map.of("id", keyId), null), 200);
        declared("getApiKey", call("getApiKey", Map.of("id", 999_999_999), null), 404);
        declared("regenerateApiKey", call("regenerateApiKey", Map.of("id", keyId), null), 200);
        declared("regenerateApiKey", call("regenerateApiKey", Map.of("id", 999_999_999), null), 404);
        declared("revokeApiKey", call("revokeApiKey", Map.of("id", keyId), null), 204);
        declared("revokeApiKey", call("revokeApiKey", Map.of("id", keyId), null), 404);
        for (int i = 0; i < 20; i++) {
            Response more = call("createApiKey", Map.of(), Map.of("name", "fill " + i));
            if (more.statusCode() == 409) {
                declared("createApiKey", more, 409);
                return;
            }
            more.then().statusCode(201);
        }
        fail("never reached the most active keys");
    }

    // --- helpers ---

    private record Operation(String path, String method, JsonNode node) {
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                operations.put(op.getValue().path("operationId").asText(),
                        new Operation(path.getKey(), op.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    private static Operation operation(String id) {
        Operation operation = operations().get(id);
        assertNotNull(operation, "no operation " + id);
        return operation;
    }

    /** Calls the operation as the document describes it: its method, its path with {@code pathParams} filled in. */
    private Response call(String id, Map<String, Object> params, Object body) {
        return as(caller, id, params, body);
    }

    private Response as(TestCaller who, String id, Map<String, Object> params, Object body) {
        Operation operation = operation(id);
        RequestSpecification request = request(who);
        String path = operation.path;
        for (Map.Entry<String, Object> param : params.entrySet()) {
            if (path.contains("{" + param.getKey() + "}")) {
                path = path.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
            } else {
                request = request.queryParam(param.getKey(), param.getValue());
            }
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.request(operation.method.toUpperCase(java.util.Locale.ROOT), path);
    }

    private static RequestSpecification request(TestCaller who) {
        return who.request();
    }

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private static JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertFalse(schema.isMissingNode(), "no schema " + name);
        return schema;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? schema(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    private static List<String> enumOf(String name) {
        List<String> values = new ArrayList<>();
        schema(name).path("enum").forEach(value -> values.add(value.asText()));
        assertFalse(values.isEmpty(), name + " is an enum");
        return values;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertFields(String schema, Class<? extends Record> type) {
        Set<String> fields = new LinkedHashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(component -> fields.add(component.getName()));
        assertEquals(fields, new LinkedHashSet<>(names(schema(schema).path("properties"))), schema);
    }

    private void checkRequired(String operation, String schema, Map<String, Object> valid) {
        Set<String> required = new HashSet<>();
        schema(schema).path("required").forEach(name -> required.add(name.asText()));
        assertFalse(required.isEmpty());
        for (String field : names(schema(schema).path("properties"))) {
            assertTrue(valid.containsKey(field), "the test knows a valid " + field);
            Map<String, Object> without = new LinkedHashMap<>(valid);
            without.remove(field);
            Response response = call(operation, Map.of(), without);
            if (required.contains(field)) {
                response.then().statusCode(400);
                assertTrue(response.jsonPath().getList("errors.field").contains(field),
                        operation + " without " + field + ": " + response.asString());
            } else {
                assertEquals(201, response.statusCode(), operation + " without " + field + ": " + response.asString());
            }
        }
    }

    private void checkLengths(String operation, String schema, Map<String, Object> valid) {
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> properties = schema(schema).path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode maxLength = property.getValue().path("maxLength");
            if (!maxLength.isInt()) {
                continue;
            }
            String field = property.getKey();
            int max = maxLength.asInt();
            Function<String, Map<String, Object>> with = value -> {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field, value);
                return body;
            };
            Response fits = call(operation, Map.of(), with.apply(ASTRAL.repeat(max)));
            assertEquals(201, fits.statusCode(), field + ": " + max + " characters fit: " + fits.asString());
            Response over = call(operation, Map.of(), with.apply(ASTRAL.repeat(max + 1)));
            assertEquals(400, over.statusCode(), field + ": " + (max + 1) + " characters do not");
            assertTrue(over.jsonPath().getList("errors.field").contains(field), over.asString());
            if (property.getValue().path("minLength").asInt(0) == 1) {
                call(operation, Map.of(), with.apply("")).then().statusCode(400);
            }
            checked++;
        }
        assertTrue(checked > 0, schema + " declares lengths");
    }

    /** The answer has {@code status}, the operation declares it, and the body has the declared shape. */
    private static void declared(String id, Response response, int status) {
        assertEquals(status, response.statusCode(), id + ": " + response.asString());
        JsonNode declared = operation(id).node.path("responses").path(Integer.toString(status));
        assertFalse(declared.isMissingNode(), id + " does not declare the " + status + " it answers");
        declared.path("headers").fieldNames().forEachRemaining(
                header -> assertNotNull(response.header(header), id + " " + status + " declares " + header));
        JsonNode content = declared.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertEquals("", response.asString(), id + " " + status + " has no body");
            return;
        }
        String mediaType = names(content).get(0);
        assertTrue(response.contentType().startsWith(mediaType), id + " " + status + ": " + response.contentType());
        try {
            conforms(id + " " + status, content.path(mediaType).path("schema"), JSON.readTree(response.asString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (status >= 400) {
            assertEquals(status, JSON.valueToTree(response.jsonPath().getMap("$")).path("status").asInt());
        }
    }

    /** Property names, required members, enum values and types (object, array, string, integer, null). */
    private static void conforms(String where, JsonNode schemaOrRef, JsonNode value) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("anyOf")) {
            List<AssertionError> misses = new ArrayList<>();
            for (JsonNode alternative : schema.path("anyOf")) {
                try {
                    conforms(where, alternative, value);
                    return;
                } catch (AssertionError miss) {
                    misses.add(miss);
                }
            }
            throw new AssertionError(where + ": matches no alternative: " + misses);
        }
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (value.isNull()) {
            assertTrue(types.contains("null"), where + ": null where the document allows none");
            return;
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(v -> allowed.add(v.asText()));
            assertTrue(allowed.contains(value.asText()), where + ": " + value + " not in " + allowed);
        }
        if (types.contains("object") || value.isObject()) {
            assertTrue(value.isObject(), where + ": an object, not " + value);
            JsonNode properties = schema.path("properties");
            // stricter than the schema (Problem admits more members, for services to come): every member an answer
            // of this service carries is in the document
            value.fieldNames().forEachRemaining(name -> {
                assertTrue(properties.has(name), where + ": '" + name + "' is not in the document");
                conforms(where + "." + name, properties.path(name), value.path(name));
            });
            schema.path("required").forEach(name -> assertTrue(value.has(name.asText()),
                    where + ": required '" + name.asText() + "' is missing"));
        } else if (types.contains("array")) {
            assertTrue(value.isArray(), where + ": an array, not " + value);
            value.forEach(item -> conforms(where + "[]", schema.path("items"), item));
        } else if (types.contains("integer")) {
            assertTrue(value.isIntegralNumber(), where + ": an integer, not " + value);
        } else if (types.contains("string")) {
            assertTrue(value.isTextual(), where + ": a string, not " + value);
        }
    }
}
