package io.polystore.payment.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chassis' acquisition timeout on the reactive pool (PoolDeadlines): with the only connection held, a request waits
 * at most STORE_ACQUIRE_TIMEOUT for one and is answered 503 with Retry-After, not after Vert.x' 30 s and not as a 500.
 */
@QuarkusTest
@TestProfile(PoolExhaustedTest.OneConnection.class)
class PoolExhaustedTest {

    public static class OneConnection implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("db.pool-size", "1", "store.acquire-timeout", "500ms", "store.deadline", "20s");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aRequestThatGetsNoConnectionIsA503AfterTheAcquireTimeout() {
        given().when().get("/test/payments/REF-warm").then().statusCode(200);
        SqlConnection held = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            long start = System.nanoTime();
            given().when().get("/test/payments/REF-1")
                    .then().statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", is("5"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            // 500 ms acquisition timeout; far below both the 20 s store deadline and Vert.x' 30 s default.
            assertTrue(tookMs >= 400 && tookMs < 5_000, "answered after " + tookMs + " ms");
            System.out.println("pool exhausted: 503 after " + tookMs + " ms (STORE_ACQUIRE_TIMEOUT=500ms)");
        } finally {
            held.close().await().atMost(Duration.ofSeconds(10));
        }
        given().when().get("/test/payments/REF-2").then().statusCode(200);
    }
}
