package io.polystore.incident;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What probing the running stack found (issue 9, item 10), for incident-service's own endpoints: nothing can fail after
 * a create commits, enums and ids are read exactly, lengths are counted as documented, and JSON is as strict as
 * documented. Every answer here is a 2xx that did what it says or a 4xx that changed nothing; never a 5xx.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";
    /** U+1F600, outside the BMP: one code point, two UTF-16 units, four UTF-8 bytes. */
    private static final String ASTRAL = "\uD83D\uDE00";

    @Inject
    TestCallers callers;

    @Inject
    Pool pool;

    private TestCaller caller;

    @BeforeEach
    void newCaller() {
        caller = callers.create();
    }

    // --- nothing that can fail runs after a create commits ---

    /** Headers a client (or a gateway passing a client's Host on) might send; the test client is a trusted proxy. */
    static Stream<Arguments> oddForwardedHeaders() {
        return Stream.of(
                Arguments.of("X-Forwarded-Prefix", "/a b"),
                Arguments.of("X-Forwarded-Prefix", "/evil"),
                Arguments.of("X-Forwarded-Host", "a b"),
                Arguments.of("X-Forwarded-Host", "[::1"),
                Arguments.of("X-Forwarded-Host", "evil.example:99999"),
                Arguments.of("X-Forwarded-Host", "x/y?z#w"),
                Arguments.of("X-Forwarded-Host", "%zz"),
                Arguments.of("X-Forwarded-Host", "user@evil.example"),
                Arguments.of("X-Forwarded-Host", ""),
                Arguments.of("X-Forwarded-Proto", "1http"),
                Arguments.of("X-Forwarded-Proto", "javascript"),
                Arguments.of("X-Forwarded-Proto", "h t"),
                Arguments.of("X-Forwarded-Port", "abc"),
                Arguments.of("X-Forwarded-Port", "99999"),
                Arguments.of("Forwarded", "host=\"a b\";proto=\"h t\""),
                Arguments.of("Forwarded", "for=\"[::1\";host=[::1"),
                Arguments.of("Host", "a b"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oddForwardedHeaders")
    void anIncidentIsAnswered201WithItsRowOrRefusedWithoutOne(String header, String value) {
        String title = "forwarded " + UUID.randomUUID();
        Response response = caller.request().header(header, value).body(Map.of("title", title, "severity", "low"))
                .post("/api/incidents");
        long rows = count("SELECT COUNT(*) FROM incidents WHERE title = ?", title);
        if (response.statusCode() == 201) {
            assertEquals(1, rows, "a 201 comes with exactly its row");
            int id = response.path("id");
            assertLocation(response.header("Location"), "/api/incidents/" + id);
        } else {
            assertClientError(response);
            assertEquals(0, rows, "a refused create leaves no row: " + response.statusCode());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oddForwardedHeaders")
    void anApiKeyIsAnswered201WithItsSecretOrRefusedWithoutAKey(String header, String value) {
        String name = "forwarded " + UUID.randomUUID();
        Response response = caller.request().header(header, value).body(Map.of("name", name)).post("/api/keys");
        long rows = count("SELECT COUNT(*) FROM api_keys WHERE name = ? AND revoked_at IS NULL", name);
        if (response.statusCode() == 201) {
            assertEquals(1, rows, "a 201 comes with exactly its key");
            assertTrue(((String) response.path("apiKey")).startsWith("psk_"), "and shows its secret");
            assertLocation(response.header("Location"), "/api/keys/" + response.path("keyId"));
        } else {
            assertClientError(response);
            assertEquals(0, rows, "a refused create leaves no active key whose secret nobody saw");
        }
    }

    @Test
    void aCreateThatFailsLeavesNoRow() {
        String title = "refused " + UUID.randomUUID();
        caller.request().body(Map.of("title", title, "severity", "severe")).post("/api/incidents")
                .then().statusCode(400);
        assertEquals(0, count("SELECT COUNT(*) FROM incidents WHERE title = ?", title));
    }

    // --- enums are matched exactly ---

    @ParameterizedTest
    @ValueSource(strings = {" low ", "low ", " low", "LOW", "Low", "low\t", "ｌｏｗ", "lοw"})
    void anEnumValueIsSpelledExactly(String severity) {
        String title = "enum " + UUID.randomUUID();
        caller.request().body(Map.of("title", title, "severity", severity)).post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("severity"))
                .body("errors[0].message", is("must be one of [low, medium, high, critical]"));
        assertEquals(0, count("SELECT COUNT(*) FROM incidents WHERE title = ?", title));
        caller.request().queryParam("severity", severity).get("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("severity"));
    }

    @Test
    void aStatusIsSpelledExactlyInPatchesAndFilters() {
        int id = createIncident("status spelling");
        for (String status : List.of(" closed", "CLOSED", "Closed")) {
            caller.request().body(Map.of("status", status)).patch("/api/incidents/" + id)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("status"));
            caller.request().queryParam("status", status).get("/api/incidents")
                    .then().statusCode(400).body("errors[0].field", is("status"));
        }
        caller.request().get("/api/incidents/" + id).then().body("status", is("open"));
    }

    // --- ids: ASCII digits only ---

    @Test
    void anIdInAnotherScriptsDigitsIsNotThatId() {
        int id = createIncident("digits");
        String ascii = Integer.toString(id);
        for (String other : List.of(digits(ascii, '\u0660'), digits(ascii, '\u06F0'), digits(ascii, '\u0966'),
                digits(ascii, '\uFF10'), "+" + ascii, "0x" + Integer.toHexString(id))) {
            assertEquals(404, caller.request().get("/api/incidents/" + other).statusCode(), other);
            assertEquals(404, caller.request().body(Map.of("status", "closed")).patch("/api/incidents/" + other)
                    .statusCode(), other);
        }
        caller.request().get("/api/incidents/" + ascii).then().statusCode(200).body("status", is("open"));

        int keyId = caller.request().body(Map.of("name", "digits")).post("/api/keys").then().statusCode(201)
                .extract().path("keyId");
        String arabic = digits(Integer.toString(keyId), '\u0660');
        caller.request().get("/api/keys/" + arabic).then().statusCode(404).contentType(PROBLEM);
        caller.request().post("/api/keys/" + arabic + "/regenerate").then().statusCode(404);
        caller.request().delete("/api/keys/" + arabic).then().statusCode(404);
        caller.request().get("/api/keys/" + keyId).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0665", "+5", "5 ", "\uFF15", "0x5", "5e0", "1000000000000"})
    void aLimitIsAsciiDigits(String limit) {
        caller.request().queryParam("limit", limit).get("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("limit"));
    }

    // --- lengths are counted in code points, as the OpenAPI document's maxLength and MariaDB count them ---

    @Test
    void aTitleOf200AstralCharactersFitsAnd201DoNot() {
        String title = ASTRAL.repeat(200);
        int id = caller.request().body(Map.of("title", title, "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        assertEquals(title, caller.request().get("/api/incidents/" + id).then().extract().path("title"),
                "stored intact");
        caller.request().body(Map.of("title", ASTRAL.repeat(201), "severity", "low")).post("/api/incidents")
                .then().statusCode(400).body("errors.field", hasItem("title"));
    }

    @Test
    void aDescriptionOf10000AstralCharactersFitsAnd10001DoNot() {
        String description = ASTRAL.repeat(10_000);
        int id = caller.request().body(Map.of("title", "long", "description", description, "severity", "low"))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        assertEquals(description, caller.request().get("/api/incidents/" + id).then().extract().path("description"));
        caller.request().body(Map.of("title", "long", "description", ASTRAL.repeat(10_001), "severity", "low"))
                .post("/api/incidents").then().statusCode(400).body("errors.field", hasItem("description"));
    }

    @Test
    void aKeyNameOf100AstralCharactersFitsAnd101DoNot() {
        caller.request().body(Map.of("name", ASTRAL.repeat(100))).post("/api/keys").then().statusCode(201)
                .body("name", is(ASTRAL.repeat(100)));
        caller.request().body(Map.of("name", ASTRAL.repeat(101))).post("/api/keys").then().statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    // --- strict JSON: done once, by the chassis (rest-support's StrictJsonCustomizer and ProblemMappers); these tests
    // demand it of this service's endpoints, so a change to the chassis or to a request type here cannot lose it ---

    @Test
    void duplicateKeysAre400() {
        String title = "dup " + UUID.randomUUID();
        caller.request().body("{\"title\":\"" + title + "\",\"title\":\"b\",\"severity\":\"low\"}")
                .post("/api/incidents").then().statusCode(400).contentType(PROBLEM);
        assertEquals(0, count("SELECT COUNT(*) FROM incidents WHERE owner_user_id = ? AND title IN (?, 'b')",
                caller.userId(), title));
        caller.request().body("{\"name\":\"a\",\"name\":\"b\"}").post("/api/keys").then().statusCode(400)
                .contentType(PROBLEM);
        int id = createIncident("dup patch");
        caller.request().body("{\"status\":\"closed\",\"status\":\"resolved\"}").patch("/api/incidents/" + id)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void loneSurrogatesAre400AndStoreNothing() {
        String marker = UUID.randomUUID().toString();
        caller.request().body("{\"title\":\"" + marker + "a\\ud800b\",\"severity\":\"low\"}").post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("title"));
        assertEquals(0, count("SELECT COUNT(*) FROM incidents WHERE title LIKE ?", marker + "%"));
        caller.request().body("{\"name\":\"\\udc00\"}").post("/api/keys").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void numbersAndBooleansAreNotStrings() {
        caller.request().body("{\"title\":123,\"severity\":\"low\"}").post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("title"));
        caller.request().body("{\"title\":true,\"severity\":\"low\"}").post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("title"));
        caller.request().body("{\"title\":\"ok\",\"severity\":3}").post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("severity"));
        caller.request().body("{\"name\":5}").post("/api/keys").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("name"));
    }

    @Test
    void unknownFieldsAre400() {
        caller.request().body(Map.of("title", "t", "severity", "low", "statusOrSeverity", true))
                .post("/api/incidents").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("statusOrSeverity"));
        int id = createIncident("unknown field");
        caller.request().body(Map.of("status", "closed", "version", 7)).patch("/api/incidents/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("version"));
        caller.request().get("/api/incidents/" + id).then().body("status", is("open"));
    }

    /**
     * The origin the gateway set (the test client is a trusted proxy, so a forwarded host is believed) and the
     * resource's own path, or the path alone; never a prefix from a header, never an invalid URI.
     */
    private static void assertLocation(String location, String path) {
        assertTrue(location != null, "a 201 has a Location");
        URI uri = URI.create(location);
        assertEquals(path, uri.getRawPath(), location);
        assertTrue(location.equals(path) || (uri.getScheme().matches("https?") && uri.getHost() != null
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null),
                "an http(s) origin and the path, or the path alone: " + location);
    }

    private static void assertClientError(Response response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                "refused as the client's mistake, never a 5xx: " + response.statusCode() + " " + response.asString());
    }

    private int createIncident(String title) {
        return caller.request().body(Map.of("title", title, "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    /** {@code ascii} with each digit written in the script whose zero is {@code zero}. */
    private static String digits(String ascii, char zero) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (zero + (c - '0'))));
        return out.toString();
    }
}
