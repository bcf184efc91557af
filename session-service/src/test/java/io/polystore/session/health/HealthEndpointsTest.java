package io.polystore.session.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.polystore.session.session.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

    @Inject
    SessionStore sessions;

    @Test
    void readinessHasOneUpCheckForRedis() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.size()", is(1))
                .body("checks[0].name", is(RedisReadinessCheck.NAME))
                .body("checks[0].status", is("UP"));
    }

    @Test
    void livenessDependsOnNoStore() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", not(hasItem(RedisReadinessCheck.NAME)));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        sessions.create("metrics-user", Map.of()).await().atMost(Duration.ofSeconds(5));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("sessions_created_total"))
                .body(containsString("redis_commands_duration_seconds"));
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
