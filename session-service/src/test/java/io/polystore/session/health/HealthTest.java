package io.polystore.session.health;

import io.polystore.session.session.SessionStore;
import io.polystore.testsupport.health.HealthContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@QuarkusTest
class HealthTest extends HealthContract {

    @Inject
    SessionStore sessions;

    @Override
    protected List<String> stores() {
        return List.of(RedisReadinessCheck.NAME);
    }

    /** sessions_created_total and the Redis client's metrics appear with the first session. */
    @Override
    protected void exerciseMetrics() {
        sessions.create("metrics-user", Map.of()).await().atMost(Duration.ofSeconds(5));
    }
}
