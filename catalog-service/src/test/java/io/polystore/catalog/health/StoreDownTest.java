package io.polystore.catalog.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.polystore.rest.problem.Problem;
import io.polystore.testsupport.health.StoreDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Neo4j unreachable: readiness 503 naming neo4j, liveness UP, and a request is a 503, never a 500. */
@QuarkusTest
@TestProfile(CatalogStoresDown.class)
class StoreDownTest extends StoreDownContract {

    @Override
    protected List<String> stores() {
        return List.of(Neo4jReadinessCheck.NAME);
    }

    @Test
    void aRequestNeedingTheGraphIsA503WithRetryAfter() {
        given().when().get("/test/products/T1")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("detail", is("a data store is unavailable; retry later"));
    }
}
