package io.polystore.payment.payment;

import static io.polystore.payment.Payers.payment;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.polystore.payment.idempotency.IdempotencyPurge;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotent creates and concurrent changes: one payment per key, one winner per version, one number per payment. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    Payers payers;

    @Inject
    MutableClock clock;

    @Inject
    IdempotencyPurge purge;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twentyParallelCreatesWithOneKeyMakeOnePayment() throws Exception {
        Payer payer = payers.next();
        List<Response> answers = parallel(20, () -> payer.request().header("Idempotency-Key", "order-42")
                .body(payment(Map.of("amount", "12.50", "amountReceived", "12.5"))).post("/api/payments"));
        Set<String> ids = new HashSet<>();
        int replays = 0;
        for (Response answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            ids.add(answer.path("id"));
            replays += "true".equals(answer.header("Idempotent-Replayed")) ? 1 : 0;
        }
        assertEquals(1, ids.size());
        assertEquals(19, replays);
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
        // the same key with another body: 409, nothing created
        payer.request().header("Idempotency-Key", "order-42").body(payment(Map.of("amount", "13")))
                .post("/api/payments").then().statusCode(409).body("field", is("Idempotency-Key"));
        // the same body in another spelling is the same request
        payer.request().header("Idempotency-Key", "order-42")
                .body(payment(Map.of("amount", 12.5, "amountReceived", "12.50", "currency", "eur")))
                .post("/api/payments").then().statusCode(201).header("Idempotent-Replayed", is("true"))
                .body("id", is(ids.iterator().next()));
        // another owner's key of the same name is another key
        payers.next().request().header("Idempotency-Key", "order-42").body(payment(Map.of()))
                .post("/api/payments").then().statusCode(201);
        // past the window the hourly purge removes both owners' "order-42" (no other test uses keys), and the key is
        // new again
        clock.advance(Duration.ofHours(25));
        assertEquals(2, purge.purgeExpired().await().atMost(Duration.ofSeconds(10)));
        payer.request().header("Idempotency-Key", "order-42").body(payment(Map.of("amount", "13")))
                .post("/api/payments").then().statusCode(201).header("Idempotent-Replayed", (String) null);
        payer.request().header("Idempotency-Key", "x".repeat(256)).body(payment(Map.of())).post("/api/payments")
                .then().statusCode(400).body("errors[0].field", is("Idempotency-Key"));
    }

    @Test
    void parallelCreatesGetDistinctConsecutiveReferences() throws Exception {
        Payer payer = payers.next();
        List<Response> answers = parallel(20, () -> payer.request().body(payment(Map.of())).post("/api/payments"));
        Set<Long> numbers = new HashSet<>();
        for (Response answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            numbers.add(Long.parseLong(answer.<String>path("reference").substring(3)));
        }
        assertEquals(20, numbers.size());
    }

    @Test
    void ofParallelChangesUnderOneETagExactlyOneWins() throws Exception {
        Payer payer = payers.next();
        String id = PaymentApiTest.create(payer, Map.of()).path("id");
        List<Response> answers = parallel(10, () -> payer.request().header("If-Match", "\"0\"")
                .body(Map.of("status", "COMPLETED")).patch("/api/payments/" + id));
        long won = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        long stale = answers.stream().filter(answer -> answer.statusCode() == 412).count();
        assertEquals(1, won);
        assertEquals(9, stale);
        payer.request().get("/api/payments/" + id + "/audit").then().body("action", hasSize(2));
    }

    static List<Response> parallel(int n, Callable<Response> call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(executor.submit(call));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }
}
