package io.polystore.payment.health;

import io.polystore.testsupport.health.HealthContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class HealthTest extends HealthContract {

    @Override
    protected List<String> stores() {
        return List.of(MySqlReadinessCheck.NAME, CacheReadinessCheck.NAME);
    }
}
