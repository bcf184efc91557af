package io.polystore.session.health;

import io.polystore.session.TestUsers;
import io.polystore.session.archive.Sweeper;
import io.polystore.testsupport.health.HealthContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

@QuarkusTest
class HealthTest extends HealthContract {

    @Inject
    TestUsers users;

    @Inject
    Sweeper sweeper;

    @Override
    protected List<String> stores() {
        return List.of(RedisReadinessCheck.NAME);
    }

    /** The archive metrics and the Redis client's appear with the first finalized session and the first sweep. */
    @Override
    protected void exerciseMetrics() {
        long user = users.next();
        String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract().path("sessionId");
        users.as(user).post("/api/sessions/" + id + "/finalize").then().statusCode(200);
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
    }
}
