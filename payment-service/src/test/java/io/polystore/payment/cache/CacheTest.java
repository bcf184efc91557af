package io.polystore.payment.cache;

import static io.polystore.payment.Payers.payment;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cache-aside with Redis up: hits after a miss, every key under payment:, and no stale read after a write's 2xx. */
@QuarkusTest
class CacheTest {

    @Inject
    Payers payers;

    @Inject
    MeterRegistry registry;

    @Inject
    RedisDataSource redis;

    @Test
    void aSecondReadIsAHitAndAWriteIsVisibleToTheNextRead() {
        CacheMeters meters = new CacheMeters(registry);
        Payer payer = payers.next();
        String id = payer.request().body(payment(Map.of())).post("/api/payments").then().statusCode(201).extract()
                .path("id");
        double hits = meters.requests("hit");
        double misses = meters.requests("miss");
        payer.request().get("/api/payments/" + id).then().statusCode(200).body("status", is("EXACT"));
        payer.request().get("/api/payments/" + id).then().statusCode(200).body("status", is("EXACT"))
                .header("ETag", is("\"0\""));
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
        assertEquals(misses + 2, meters.requests("miss"));
        assertEquals(hits + 2, meters.requests("hit"));
        payer.request().header("If-Match", "\"0\"").body(Map.of("status", "COMPLETED"))
                .patch("/api/payments/" + id).then().statusCode(200);
        payer.request().get("/api/payments/" + id).then().statusCode(200).body("status", is("COMPLETED"))
                .header("ETag", is("\"1\""));
        payer.request().body(payment(Map.of())).post("/api/payments").then().statusCode(201);
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(2))
                .body("items.status", hasItem("COMPLETED"));
        List<String> keys = redis.key().keys("*" + payer.userId() + "*");
        assertTrue(keys.size() >= 3, keys.toString());
        assertTrue(keys.stream().allMatch(key -> key.startsWith("payment:")), keys.toString());
    }

    /**
     * Readers keep reading (and re-caching) the payment and the list while a writer changes it: after each of the
     * writer's 2xx, the writer's own next read sees its change, in single reads and in the list.
     */
    @Test
    void interleavedReadersNeverReCacheWhatAWriterReplaced() throws Exception {
        Payer payer = payers.next();
        String id = payer.request().body(payment(Map.of())).post("/api/payments").then().statusCode(201).extract()
                .path("id");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            boolean list = r % 2 == 0;
            reads.add(readers.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    Response answer = list
                            ? payer.request().get("/api/payments")
                            : payer.request().get("/api/payments/" + id);
                    assertEquals(200, answer.statusCode());
                    n++;
                }
                return n;
            }));
        }
        try {
            for (int i = 0; i < 10; i++) {
                String description = "change " + i;
                payer.request().body(Map.of("description", description)).patch("/api/payments/" + id)
                        .then().statusCode(200);
                payer.request().get("/api/payments/" + id).then().statusCode(200)
                        .body("description", is(description));
                payer.request().get("/api/payments").then().statusCode(200)
                        .body("items[0].description", is(description));
            }
        } finally {
            writing.set(false);
            readers.shutdown();
            assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
        }
        int total = 0;
        for (Future<Integer> read : reads) {
            total += read.get();
        }
        assertTrue(total > 0, "the readers read");
    }
}
