package io.polystore.mandate.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

    @Test
    void readinessHasOneUpCheckForTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.findAll { it.name == 'postgresql' }", hasSize(1))
                .body("checks.find { it.name == 'postgresql' }.status", is("UP"));
    }

    @Test
    void livenessDependsOnNoStore() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", not(hasItem(PostgresReadinessCheck.NAME)));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_active_connections"))
                // The reactive PostgreSQL pool and client.
                .body(containsString("sql_pool_active{"))
                .body(containsString("sql_pool_queue_size{"))
                .body(containsString("postgresql_completed_total{"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("mandate-service"));
    }
}
