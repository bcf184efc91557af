package io.polystore.incident.health;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.polystore.incident.TestCaller;
import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.Problem;
import io.polystore.testsupport.health.StoreDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MariaDB unreachable: readiness 503 naming mysql-incidents, liveness UP, and the requests that need the database are
 * 503 with {@code Retry-After}, never 500 (issue 9: "stopping MariaDB makes GET /api/incidents a 503"). The caller is a
 * token the gateway's key signed for a user that needs no row: the token is checked without the database.
 */
@QuarkusTest
@TestProfile(IncidentStoresDown.class)
class StoreDownTest extends StoreDownContract {

    @Inject
    IdentityConfig identity;

    @Override
    protected List<String> stores() {
        return List.of(MySqlReadinessCheck.NAME);
    }

    @Test
    void listingIncidentsIsA503WithRetryAfter() {
        unavailable(caller().request().get("/api/incidents").then());
    }

    @Test
    void readingAnIncidentOrTheKeysIsA503Too() {
        unavailable(caller().request().get("/api/incidents/1").then());
        unavailable(caller().request().get("/api/keys").then());
    }

    @Test
    void filingAnIncidentIsA503AndNothingElse() {
        unavailable(caller().request().body(Map.of("title", "down", "severity", "low")).post("/api/incidents")
                .then());
    }

    /** The gateway's verification of a key: 503, which the gateway reports as the service unavailable, not a 401. */
    @Test
    void verifyingAKeyIsA503() {
        IdentitySigner signer = IdentitySigner.of(identity).orElseThrow();
        unavailable(RestAssured.given().config(patient()).contentType(ContentType.JSON)
                .header("Authorization", signer.service("gateway").authorization())
                .body(Map.of("apiKey", "psk_" + "A".repeat(12) + "." + "B".repeat(43)))
                .post("/internal/keys/verify").then());
    }

    private TestCaller caller() {
        return new TestCaller(1, 1, "psk_unused", Set.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE),
                IdentitySigner.of(identity).orElseThrow());
    }

    private static ValidatableResponse unavailable(ValidatableResponse response) {
        return response.statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("status", is(503))
                .body("detail", is("a data store is unavailable; retry later"))
                .body(not(containsString("127.0.0.1")));
    }

    /** A connection refused answers at once; 15 s only so that a hang fails the test instead of the build. */
    private static RestAssuredConfig patient() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 15_000));
    }
}
