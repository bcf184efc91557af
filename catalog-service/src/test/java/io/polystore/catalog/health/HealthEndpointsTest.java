package io.polystore.catalog.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

    @Test
    void readinessHasOneUpCheckForNeo4j() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.size()", is(1))
                .body("checks[0].name", is("neo4j"))
                .body("checks[0].status", is("UP"));
    }

    @Test
    void livenessDependsOnNoStore() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", not(hasItem(containsStringIgnoringCase("neo4j"))));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("neo4j_acquired_total"))
                .body(containsString("neo4j_timedOutToAcquire_total"));
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
