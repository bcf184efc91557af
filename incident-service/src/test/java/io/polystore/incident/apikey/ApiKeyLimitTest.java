package io.polystore.incident.apikey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.incident.config.IncidentConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A user holds at most {@code API_KEYS_MAX_ACTIVE} active keys (default 10), also under a burst of creates. */
@QuarkusTest
class ApiKeyLimitTest {

    @Inject
    TestCallers callers;

    @Inject
    IncidentConfig config;

    @Inject
    Pool pool;

    @Test
    void theDefaultIsTen() {
        assertEquals(10, config.apiKeys().maxActive());
    }

    @Test
    void oneKeyMoreThanTheMostIsAConflictUntilOneIsRevoked() {
        TestCaller caller = callers.create();
        int last = 0;
        for (int i = 1; i < config.apiKeys().maxActive(); i++) {
            last = caller.request().body(Map.of("name", "key " + i)).post("/api/keys").then().statusCode(201)
                    .extract().path("keyId");
        }
        caller.request().body(Map.of("name", "one too many")).post("/api/keys")
                .then().statusCode(409).contentType("application/problem+json")
                .body("maxActive", is(config.apiKeys().maxActive()))
                .body("detail", containsString("the most allowed"));
        caller.request().get("/api/keys").then().body("$", hasSize(config.apiKeys().maxActive()));

        caller.request().delete("/api/keys/" + last).then().statusCode(204);
        caller.request().body(Map.of("name", "room again")).post("/api/keys").then().statusCode(201);
    }

    @Test
    void aBurstOfConcurrentCreatesNeverPassesTheMost() throws Exception {
        TestCaller caller = callers.create();
        int attempts = config.apiKeys().maxActive() * 2;
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String name = "burst " + i;
                statuses.add(threads.submit(() -> {
                    start.await();
                    return caller.request().body(Map.of("name", name)).post("/api/keys").statusCode();
                }));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(2, TimeUnit.MINUTES);
                if (code == 201) {
                    created++;
                } else if (code == 409) {
                    conflicts++;
                } else {
                    throw new AssertionError("unexpected status " + code);
                }
            }
            assertEquals(config.apiKeys().maxActive() - 1, created, "the caller's own key leaves room for max - 1");
            assertEquals(attempts - created, conflicts);
        } finally {
            threads.shutdownNow();
        }
        long active = pool.preparedQuery("SELECT COUNT(*) FROM api_keys WHERE user_id = ? AND revoked_at IS NULL")
                .execute(Tuple.of(caller.userId())).await().atMost(java.time.Duration.ofSeconds(30)).iterator().next()
                .getLong(0);
        assertEquals(config.apiKeys().maxActive(), active);
    }
}
