package io.polystore.incident.apikey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.polystore.testsupport.time.MutableClock;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyLifecycleTest {

    @Inject
    TestCallers callers;

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @Inject
    LastUsedRecorder recorder;

    @Test
    void createVerifyRegenerateDelete() {
        TestCaller caller = callers.create();
        var issued = caller.request().body(Map.of("name", "ci")).post("/api/keys")
                .then().statusCode(201)
                .body("apiKey", matchesPattern("psk_[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{43}"))
                .body("name", is("ci"))
                .extract();
        int keyId = issued.path("keyId");
        String first = issued.path("apiKey");
        org.hamcrest.MatcherAssert.assertThat(issued.header("Location"), endsWith("/api/keys/" + keyId));

        verify(first).then().statusCode(200)
                .body("keyId", is(keyId)).body("userId", is((int) caller.userId())).body("keyName", is("ci"))
                .body("scopes", contains(Scopes.DATA.toArray()));

        String second = caller.request().post("/api/keys/" + keyId + "/regenerate")
                .then().statusCode(200).body("keyId", is(keyId)).extract().path("apiKey");
        assertNotEquals(first, second);
        verify(first).then().statusCode(401).contentType(PROBLEM);
        verify(second).then().statusCode(200).body("keyId", is(keyId));

        caller.request().delete("/api/keys/" + keyId).then().statusCode(204);
        verify(second).then().statusCode(401).contentType(PROBLEM);
        caller.request().delete("/api/keys/" + keyId).then().statusCode(404);
        caller.request().post("/api/keys/" + keyId + "/regenerate").then().statusCode(404);
    }

    @Test
    void listShowsKeysButNeverASecret() {
        TestCaller caller = callers.create();
        caller.request().body(Map.of("name", "second")).post("/api/keys").then().statusCode(201);
        String body = caller.request().get("/api/keys")
                .then().statusCode(200).body("$", hasSize(2)).body("[1].name", is("second"))
                .body("[0].prefix", notNullValue())
                .body("[0]", not(org.hamcrest.Matchers.hasKey("apiKey")))
                .extract().asString();
        assertFalse(body.contains(caller.apiKey().substring(17)), "the list must not contain the secret");
    }

    @Test
    void badKeysAreAll401WithTheSameWords() {
        TestCaller caller = callers.create();
        String wrongSecret = caller.apiKey().substring(0, caller.apiKey().length() - 4) + "AAAA";
        for (String bad : new String[]{"", "nonsense", wrongSecret, "psk_" + "A".repeat(12) + "." + "B".repeat(43)}) {
            // no WWW-Authenticate: the gateway's token was fine, the key is not (a refused token carries one)
            verify(bad).then().statusCode(401).contentType(PROBLEM).body("detail", is("invalid API key"))
                    .header("WWW-Authenticate", nullValue());
        }
        asGateway().post("/internal/keys/verify").then().statusCode(401);
        // not a key at all but a number: the chassis' strict JSON refuses the request itself (no coercion to "42")
        asGateway().body("{\"apiKey\": 42}").post("/internal/keys/verify").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("apiKey"));
    }

    @Test
    void keyNamesAreValidated() {
        TestCaller caller = callers.create();
        caller.request().body(Map.of("name", "")).post("/api/keys")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("name"));
        caller.request().body(Map.of("name", "n".repeat(101))).post("/api/keys")
                .then().statusCode(400).body("errors[0].field", is("name"));
    }

    /**
     * A verification is stamped by the next flush with the flush's time, from the injected clock: flushed here at once
     * (the scheduled flush may have taken it first; then it is its stamp, with the same time).
     */
    @Test
    void verificationStampsLastUsedSoonAfter() throws Throwable {
        TestCaller caller = callers.create();
        caller.request().get("/api/keys").then().body("[0].lastUsedAt", nullValue());
        Instant flushedAt = Instant.parse("2031-02-03T04:05:06.789Z");
        clock.set(flushedAt);
        try {
            verify(caller.apiKey()).then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(recorder::flushNow);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> caller.request().get("/api/keys")
                    .then().body("[0].lastUsedAt", is(flushedAt.toString())));
        } finally {
            clock.reset();
        }
    }

    @Test
    void theDatabaseNeverHoldsASecret() throws Throwable {
        TestCaller caller = callers.create();
        String regenerated = caller.request().post("/api/keys/" + caller.keyId() + "/regenerate")
                .then().statusCode(200).extract().path("apiKey");
        var rows = VertxContextSupport.subscribeAndAwait(() -> pool.query("SELECT * FROM api_keys").execute());
        // the loop below is the test: it must see rows, the caller's among them
        List<Long> ids = new java.util.ArrayList<>();
        rows.forEach(row -> ids.add(row.getLong("id")));
        assertTrue(ids.contains(caller.keyId()), "the caller's key is among the rows read: " + ids.size());
        for (Row row : rows) {
            for (int column = 0; column < row.size(); column++) {
                Object value = row.getValue(column);
                String text = value instanceof io.vertx.mutiny.core.buffer.Buffer buffer
                        ? new String(buffer.getBytes(), StandardCharsets.ISO_8859_1)
                        : String.valueOf(value);
                for (String secret : new String[]{caller.apiKey(), regenerated}) {
                    String secretPart = secret.substring(secret.indexOf('.') + 1);
                    assertFalse(text.contains(secretPart), "column " + row.getColumnName(column) + " holds a secret");
                }
            }
        }
    }

    private io.restassured.response.Response verify(String apiKey) {
        return callers.verify(apiKey);
    }

    private io.restassured.specification.RequestSpecification asGateway() {
        return given().contentType(ContentType.JSON).header("Authorization", callers.serviceAuthorization());
    }
}
