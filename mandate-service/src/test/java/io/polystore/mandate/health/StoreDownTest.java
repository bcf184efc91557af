package io.polystore.mandate.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.polystore.rest.problem.Problem;
import io.polystore.testsupport.health.StoreDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL unreachable: readiness 503 naming postgresql, liveness UP, and a request is a 503, never a 500. */
@QuarkusTest
@TestProfile(MandateStoresDown.class)
class StoreDownTest extends StoreDownContract {

    @Override
    protected List<String> stores() {
        return List.of(PostgresReadinessCheck.NAME);
    }

    @Test
    void theSeedsReadyzIsDownAndHealthzUp() {
        given().get("/readyz").then().statusCode(503).body("status", is("DOWN"));
        given().get("/healthz").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void aRequestNeedingTheDatabaseIsA503WithRetryAfter() {
        given().when().get("/test/customers/tenant-1/cus-1")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("detail", is("a data store is unavailable; retry later"));
    }
}
