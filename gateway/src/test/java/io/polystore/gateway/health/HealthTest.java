package io.polystore.gateway.health;

import static io.restassured.RestAssured.given;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.testsupport.health.HealthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/**
 * test-support's health contract, on the gateway's management port: liveness consults no store, readiness has exactly
 * one check (redis, {@link RateLimitRedisReadinessCheck}), every metric family named in the README.
 */
@QuarkusTest
class HealthTest extends HealthContract {

    @Override
    protected List<String> stores() {
        return List.of(RateLimitRedisReadinessCheck.NAME);
    }

    @Override
    protected RequestSpecification management() {
        return given().baseUri("http://localhost").port(GatewayClient.managementBase().getPort());
    }

    /** A proxied request, a key verified and a rate-limit decision: the gateway's own metrics appear. */
    @Override
    protected void exerciseMetrics() {
        given().header("X-API-Key", FakeKeys.STANDARD.apiKey()).get("/api/incidents/1").then().statusCode(200);
    }
}
