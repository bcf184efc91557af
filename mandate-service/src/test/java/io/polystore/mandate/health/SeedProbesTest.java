package io.polystore.mandate.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The seed's /readyz and /healthz answer as readiness and liveness (on the management port outside tests). */
@QuarkusTest
class SeedProbesTest {

    @Test
    void readyzIsReadinessWithThePostgresqlCheck() {
        given().get("/readyz").then().statusCode(200).contentType("application/json").body("status", is("UP"))
                .body("checks.name", hasItem(PostgresReadinessCheck.NAME));
    }

    @Test
    void healthzIsLiveness() {
        given().get("/healthz").then().statusCode(200).body("status", is("UP"));
    }
}
