package io.polystore.session.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.session.config.SessionConfig;
import io.polystore.session.session.SessionStore;
import io.polystore.rest.store.StoreUnavailableException;
import io.polystore.testsupport.health.StoreDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Redis accepts connections and never answers: the health contract's store-down half (readiness 503 naming
 * {@code redis}, liveness UP), plus the deadlines. Bounds leave slack for a loaded two-core build machine; what matters
 * is that nothing hangs (the HTTP client gives up after 15 s, {@code await} after 30 s, both far above the bounds).
 */
@QuarkusTest
@TestProfile(UnresponsiveRedis.Profile.class)
class UnresponsiveRedisTest extends StoreDownContract {

    @Override
    protected List<String> stores() {
        return List.of(RedisReadinessCheck.NAME);
    }

    private static final Duration SLACK = Duration.ofSeconds(4);

    @Inject
    SessionStore sessions;

    @Inject
    SessionConfig config;

    @Test
    void readinessIsDownWithinAboutASecond() {
        ready().then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.size()", is(1))
                .body("checks[0].name", is(RedisReadinessCheck.NAME))
                .body("checks[0].status", is("DOWN"))
                .body("checks[0].data.error", containsString("no answer within"));
        // Once warmed up, the check itself is what takes the time: its 1 s deadline.
        assertFasterThan(Duration.ofSeconds(1).plus(SLACK), () -> ready().then().statusCode(503));
    }

    @Test
    void sessionOperationsFailAfterTheRedisTimeout() {
        Duration bound = config.redis().timeout().plus(SLACK);
        assertFasterThan(bound, () -> assertThrows(StoreUnavailableException.class,
                () -> sessions.ofUser("1").await().atMost(Duration.ofSeconds(30))));
        assertFasterThan(bound, () -> assertThrows(StoreUnavailableException.class,
                () -> sessions.read(UUID.randomUUID().toString()).await().atMost(Duration.ofSeconds(30))));
    }

    private static Response ready() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 15_000)))
                .when().get("/q/health/ready");
    }

    private static void assertFasterThan(Duration bound, Executable action) {
        long start = System.nanoTime();
        try {
            action.execute();
        } catch (Throwable e) {
            throw e instanceof AssertionError a ? a : new AssertionError(e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(bound) < 0, "took " + elapsed + ", bound " + bound);
    }
}
