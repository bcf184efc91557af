package io.polystore.incident.health;

import io.polystore.incident.TestCallers;
import io.polystore.testsupport.health.HealthContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;

/** test-support's health contract: one readiness check, mysql-incidents; every metric named in the README. */
@QuarkusTest
class HealthTest extends HealthContract {

    @Inject
    TestCallers callers;

    @Override
    protected List<String> stores() {
        return List.of(MySqlReadinessCheck.NAME);
    }

    /** A key verified and an incident listed: the request and pool metrics appear. */
    @Override
    protected void exerciseMetrics() {
        var caller = callers.create();
        callers.verify(caller.apiKey()).then().statusCode(200);
        caller.request().get("/api/incidents").then().statusCode(200);
    }
}
