package io.polystore.payment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * MariaDB and Redis unreachable: readiness 503 because of mysql-payments alone (Redis is a cache: its check stays UP
 * with the failure and the cache state as data), liveness UP, and a request is a 503, never a 500. test-support's
 * StoreDownContract wants every store's check DOWN, which an optional store's never is, so its two promises are written
 * out here.
 */
@QuarkusTest
@TestProfile(PaymentStoresDown.class)
class StoreDownTest {

    @Test
    void readinessIs503BecauseOfTheDatabaseAndReportsTheCacheAsData() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.name", containsInAnyOrder(MySqlReadinessCheck.NAME, CacheReadinessCheck.NAME))
                .body("checks.find { it.name == 'mysql-payments' }.status", is("DOWN"))
                .body("checks.find { it.name == 'mysql-payments' }.data.error", not(emptyOrNullString()))
                .body("checks.find { it.name == 'redis' }.status", is("UP"))
                .body("checks.find { it.name == 'redis' }.data.error", not(emptyOrNullString()))
                .body("checks.find { it.name == 'redis' }.data.cache",
                        is("bypassed: reads and writes are served by MySQL until Redis answers"));
    }

    @Test
    void livenessStaysUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void aRequestNeedingTheDatabaseIsA503WithRetryAfter() {
        given().when().get("/test/payments/REF-1")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("detail", is("a data store is unavailable; retry later"));
    }
}
