package io.polystore.testsupport.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every service's OpenAPI document promises clients (issue 9, item 11), written once: the gateway is its only
 * server; the API key is declared as a security scheme ({@code X-API-Key}, or as a bearer token) and is the document's
 * default requirement; a license; every operation has a unique {@code operationId}; every public operation
 * ({@code /api/**}) names the API key with a scope, has a 2xx and the common 401/403/500/503; every 4xx/5xx answer is
 * {@code application/problem+json} with the {@code Problem} schema; and the document the build stores for the linter
 * ({@code target/openapi/openapi.json}) is the one {@code /q/openapi} serves. The chassis' {@code ApiDocumentFilter}
 * writes most of it; this holds every service to it. A service runs it with {@code @QuarkusTest class ApiDocumentTest
 * extends ApiDocumentContract {}}.
 */
public abstract class ApiDocumentContract {

    public static final String GATEWAY_URL = "http://localhost:8080";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** The served document ({@code /q/openapi}; on the test port, as the test profile has no management interface). */
    protected JsonNode document() throws IOException {
        return JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theGatewayIsTheOnlyServer() throws IOException {
        JsonNode servers = document().path("servers");
        assertEquals(1, servers.size(), servers.toString());
        assertEquals(GATEWAY_URL, servers.path(0).path("url").asText());
    }

    @Test
    void theApiKeyIsDeclaredAsHeaderAndAsBearerToken() throws IOException {
        JsonNode schemes = document().at("/components/securitySchemes");
        assertEquals("apiKey", schemes.at("/apiKey/type").asText());
        assertEquals("header", schemes.at("/apiKey/in").asText());
        assertEquals("X-API-Key", schemes.at("/apiKey/name").asText());
        assertEquals("http", schemes.at("/bearerApiKey/type").asText());
        assertEquals("bearer", schemes.at("/bearerApiKey/scheme").asText());
        JsonNode security = document().path("security");
        Set<String> required = new HashSet<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
        assertEquals(Set.of("apiKey", "bearerApiKey"), required, "the document's default: the API key, either way");
    }

    @Test
    void itHasALicenseAndATitle() throws IOException {
        JsonNode info = document().path("info");
        assertFalse(info.path("title").asText().isBlank(), "info.title");
        assertFalse(info.at("/license/name").asText().isBlank(), "info.license.name");
        assertTrue(info.at("/license/identifier").isTextual() || info.at("/license/url").isTextual(),
                "info.license has an identifier or a url");
    }

    @Test
    void everyOperationHasAUniqueIdAndEveryPublicOneItsKeyAndCommonAnswers() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Operation operation : operations(document())) {
            String id = operation.node().path("operationId").asText();
            assertFalse(id.isBlank(), operation + " has an operationId");
            assertTrue(ids.add(id), "operationId " + id + " is unique");
            if (!operation.path().startsWith("/api/")) {
                continue;
            }
            Set<String> schemes = new HashSet<>();
            for (JsonNode requirement : operation.node().path("security")) {
                requirement.fieldNames().forEachRemaining(name -> {
                    schemes.add(name);
                    assertFalse(requirement.path(name).isEmpty(), id + ": " + name + " names the scope it needs");
                });
            }
            assertEquals(Set.of("apiKey", "bearerApiKey"), schemes, id + " takes the API key either way");
            JsonNode responses = operation.node().path("responses");
            for (String status : List.of("401", "403", "500", "503")) {
                assertTrue(responses.has(status), id + " declares " + status);
            }
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            assertTrue(statuses.stream().anyMatch(status -> status.startsWith("2")), id + " has a 2xx");
        }
    }

    @Test
    void everyErrorAnswerIsAProblem() throws IOException {
        JsonNode document = document();
        boolean any = false;
        for (Operation operation : operations(document)) {
            Iterator<String> statuses = operation.node().path("responses").fieldNames();
            while (statuses.hasNext()) {
                String status = statuses.next();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    continue;
                }
                any = true;
                JsonNode content = operation.node().path("responses").path(status).path("content");
                assertEquals(PROBLEM_REF, content.at("/" + PROBLEM_JSON.replace("/", "~1") + "/schema/$ref")
                        .asText(), operation + " " + status + " is a Problem: " + content);
                assertEquals(1, content.size(), operation + " " + status + ": problem+json only");
            }
        }
        if (any) {
            JsonNode problem = document.at("/components/schemas/Problem");
            assertEquals(Set.of("type", "title", "status"), texts(problem.path("required")));
        }
    }

    @Test
    void theStoredDocumentIsTheServedOne() throws IOException {
        Path stored = Path.of("target/openapi/openapi.json");
        Assumptions.assumeTrue(Files.exists(stored), "no stored document (quarkus.smallrye-openapi."
                + "store-schema-directory): the chassis' microprofile-config.properties sets it");
        assertEquals(JSON.readTree(stored.toFile()), document(), "the linted file is what /q/openapi serves");
    }

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
