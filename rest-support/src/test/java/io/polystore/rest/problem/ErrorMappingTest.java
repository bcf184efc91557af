package io.polystore.rest.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Issue 9 item 4: an unavailable store is a 503 with Retry-After, a unique-key race a 409, only a bug a 500. */
@QuarkusTest
class ErrorMappingTest {

    @Test
    void anUnreachableStoreIsA503WithRetryAfter() {
        unavailable(get("connection-refused")).body("detail", not(containsString("10.1.2.3")));
    }

    @Test
    void anExhaustedPoolIsA503WithRetryAfter() {
        unavailable(get("pool-exhausted"));
    }

    @Test
    void aStoreCallPastItsDeadlineIsA503() {
        long start = System.nanoTime();
        unavailable(get("deadline"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // store.deadline=300ms in this test application: the call is cut, never the Vert.x 30 s default.
        org.junit.jupiter.api.Assertions.assertTrue(tookMs < 5_000, "took " + tookMs + " ms");
    }

    @Test
    void aPostgresUniqueViolationIsA409() {
        conflict(get("pg-duplicate"));
    }

    @Test
    void aMySqlDuplicateEntryIsA409() {
        conflict(get("mysql-duplicate"));
    }

    @Test
    void aVersionedWriteThatLostARaceIsA409NeverA500() {
        get("lost-race").statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("changed by another request while this one ran; nothing was applied"))
                .body(not(containsString("secret_table")));
    }

    @Test
    void aBugIsA500WithoutTheExceptionText() {
        for (String kind : new String[]{"bug", "anything-else"}) {
            get(kind).statusCode(500)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("status", is(500))
                    .body("detail", is("unexpected error; it has been logged"))
                    .body(not(containsString("secret")))
                    .body(not(containsString("IllegalStateException")));
        }
    }

    @Test
    void anUnknownResourceIsAProblemDocument() {
        given().when().get("/test/fail/a/b").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", is(404));
    }

    @Test
    void aPathNoResourceHasIsAProblemDocument() {
        given().when().get("/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", is(404));
    }

    @Test
    void anUnsupportedMediaTypeIsAProblemDocument() {
        given().contentType("text/plain").body("x").when().post("/test/echo").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE).body("status", is(415));
    }

    @Test
    void aWrongMethodIsAProblemDocument() {
        given().when().delete("/test/echo").then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("status", is(405));
    }

    private static ValidatableResponse get(String kind) {
        return given().when().get("/test/fail/" + kind).then();
    }

    private static ValidatableResponse unavailable(ValidatableResponse response) {
        return response.statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "7")
                .body("status", is(503))
                .body("detail", is("a data store is unavailable; retry later"))
                .body(not(containsString("Exception")));
    }

    private static ValidatableResponse conflict(ValidatableResponse response) {
        return response.statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", is(409))
                .body(not(containsString("secret")))
                .body(not(containsString("uk_")));
    }
}
