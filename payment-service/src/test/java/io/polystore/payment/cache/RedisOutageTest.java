package io.polystore.payment.cache;

import io.polystore.testsupport.redis.RestartableRedis;
import static io.polystore.payment.Payers.payment;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.MariaDbTestResource;
import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.polystore.payment.health.CacheReadinessCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Redis stops and comes back with its data (append-only file), under the production deadline (50 ms): reads and writes
 * answer normally meanwhile, readiness stays UP with the cache state as data, and after the return no entry cached
 * before a write made during the outage is served, and the cache is used again.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.OwnRedis.class)
class RedisOutageTest {

    public static class OwnRedis implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cache.redis-deadline", "PT0.05S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(MariaDbTestResource.class, Map.of("database", "payments")),
                    new TestResourceEntry(RestartableRedis.class));
        }
    }

    @Inject
    Payers payers;

    @Inject
    MeterRegistry registry;

    @Test
    void readsAndWritesSurviveAnOutageAndNothingStaleOutlivesIt() {
        CacheMeters meters = new CacheMeters(registry);
        Payer payer = payers.next();
        String first = payer.request().body(payment(Map.of())).post("/api/payments").then().statusCode(201)
                .extract().path("id");
        // cached: the list with one payment, the payment in its first status
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
        payer.request().get("/api/payments/" + first).then().statusCode(200).body("status", is("EXACT"));
        double hits = meters.requests("hit");
        payer.request().get("/api/payments").then().statusCode(200);
        assertTrue(meters.requests("hit") > hits, "cached before the outage");

        RestartableRedis.stopServer();
        try {
            double bypasses = meters.requests("bypass");
            double failures = meters.invalidationFailures();
            payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
            payer.request().body(payment(Map.of("amount", "5"))).post("/api/payments").then().statusCode(201);
            payer.request().header("If-Match", "\"0\"").body(Map.of("status", "COMPLETED"))
                    .patch("/api/payments/" + first).then().statusCode(200);
            payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(2));
            payer.request().get("/api/payments/" + first).then().statusCode(200).body("status", is("COMPLETED"));
            assertTrue(meters.requests("bypass") >= bypasses + 3, "reads bypassed the cache");
            assertTrue(meters.invalidationFailures() >= failures + 2, "failed invalidations counted");
            payer.request().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                    .body("checks.find { it.name == '" + CacheReadinessCheck.NAME + "' }.status", is("UP"))
                    .body("checks.find { it.name == '" + CacheReadinessCheck.NAME + "' }.data.cache",
                            is("bypassed: reads and writes are served by MySQL until Redis answers"));
        } finally {
            RestartableRedis.startServer();
        }

        // Redis is back with the entries cached before the outage: none of them may be served
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(2));
        payer.request().get("/api/payments/" + first).then().statusCode(200).body("status", is("COMPLETED"))
                .body("validations", hasSize(5));
        // and the cache is used again
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            double before = meters.requests("hit");
            payer.request().get("/api/payments").then().statusCode(200).body("items.status", hasItem("COMPLETED"));
            return meters.requests("hit") > before;
        });
    }
}
