package io.polystore.mandate.webhook;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.polystore.mandate.access.MandateScopes;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through the outbox: the scheduler is off in tests, so each test runs the worker itself
 * ({@link DeliveryWorker#runOnce}) and moves the clock instead of waiting for retry delays.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    TestTenants tenants;
    @Inject
    DeliveryWorker worker;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    int runWorker() {
        try {
            // until nothing is due: rows of other tests may be due too
            int total = 0;
            for (int sent = VertxContextSupport.subscribeAndAwait(worker::runOnce); sent > 0; sent = VertxContextSupport
                    .subscribeAndAwait(worker::runOnce)) {
                total += sent;
            }
            return total;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> webhook(String url, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "receiver", "url", url, "events",
                List.of("MandateCreated", "MandateVerificationFailed", "MandateRevoked", "MandateExpired")));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String createMandate(TestTenant tenant) {
        return tenant.request().body(Map.of("vcJwt", Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR",
                Instant.now().plus(Duration.ofDays(30))))).post("/api/mandates").then().statusCode(201).extract()
                .path("id");
    }

    List<Row> deliveries(String tenantId) {
        return List.copyOf(pool.preparedQuery("SELECT * FROM webhook_deliveries WHERE tenant_id = $1 ORDER BY id")
                .executeAndAwait(Tuple.of(tenantId)).stream().toList());
    }

    @Test
    void aSignedEventReachesTheReceiverAndTheSecretIsShownOnce() throws Exception {
        try (TestReceiver receiver = new TestReceiver(vertx)) {
            TestTenant tenant = tenants.create();
            var created = tenant.request().body(webhook(receiver.url())).post("/api/webhooks").then().statusCode(201)
                    .header("Cache-Control", "no-store").extract();
            String secret = created.path("secret");
            String webhookId = created.path("id");
            assertTrue(secret.startsWith("whsec_"), secret);
            tenant.request().get("/api/webhooks/" + webhookId).then().statusCode(200).body("$", not(hasKey("secret")));
            tenant.request().get("/api/webhooks").then().body("[0]", not(hasKey("secret")));
            byte[] stored = pool.preparedQuery("SELECT secret_encrypted FROM webhooks WHERE id = $1")
                    .executeAndAwait(Tuple.of(UUID.fromString(webhookId))).iterator().next()
                    .getBuffer("secret_encrypted").getBytes();
            assertTrue(!new String(stored, StandardCharsets.ISO_8859_1).contains(secret), "stored encrypted");

            String mandateId = createMandate(tenant);
            // the event is in the outbox, committed with the mandate, before any send
            assertEquals(1, deliveries(tenant.tenantId()).size());
            double deliveredBefore = registry.counter("mandate.webhook.deliveries", "outcome", "delivered").count();
            runWorker();

            assertEquals(1, receiver.received().size());
            TestReceiver.Received request = receiver.received().get(0);
            String timestamp = request.headers().get("X-Webhook-Timestamp");
            assertEquals(WebhookSignature.sign(secret, Long.parseLong(timestamp),
                    request.body().getBytes(StandardCharsets.UTF_8)), request.headers().get("X-Webhook-Signature"));
            JsonObject event = new JsonObject(request.body());
            assertEquals("MandateCreated", event.getString("type"));
            assertEquals(mandateId, event.getJsonObject("data").getString("mandateId"));
            assertEquals("MandateCreated", request.headers().get("X-Webhook-Event"));
            assertEquals(deliveredBefore + 1,
                    registry.counter("mandate.webhook.deliveries", "outcome", "delivered").count());
            tenant.request().get("/api/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                    .body("items.state", contains("delivered")).body("items[0].statusCode", is(200))
                    .body("items[0].payload", is(request.body())).body("items[0].nextRetryAt", nullValue());
        }
    }

    @Test
    void aFailingReceiverGetsRetriesWithGrowingDelayThenTheDeliveryFailsWithAnAlert() throws Exception {
        try (TestReceiver receiver = new TestReceiver(vertx)) {
            receiver.answer(500);
            TestTenant tenant = tenants.create();
            String webhookId = tenant.request()
                    .body(webhook(receiver.url(), "maxRetries", 2, "retryDelaySeconds", 10)).post("/api/webhooks")
                    .then().statusCode(201).extract().path("id");
            createMandate(tenant);
            clock.set(Instant.now());

            runWorker();
            Row first = deliveries(tenant.tenantId()).get(0);
            assertEquals(1, first.getInteger("attempts"));
            assertEquals(clock.instant().plusSeconds(10).getEpochSecond(),
                    first.getOffsetDateTime("next_retry_at").toEpochSecond());
            runWorker(); // not due yet
            assertEquals(1, receiver.received().size());

            clock.advance(Duration.ofSeconds(10));
            runWorker();
            Row second = deliveries(tenant.tenantId()).get(0);
            assertEquals(2, second.getInteger("attempts"));
            assertEquals(clock.instant().plusSeconds(20).getEpochSecond(),
                    second.getOffsetDateTime("next_retry_at").toEpochSecond());

            clock.advance(Duration.ofSeconds(20));
            runWorker();
            assertEquals(3, receiver.received().size());
            tenant.request().queryParam("failed", "true").get("/api/webhooks/" + webhookId + "/deliveries").then()
                    .body("items.state", contains("failed")).body("items[0].attempts", is(3))
                    .body("items[0].statusCode", is(500)).body("items[0].responseBody", is("answer 500"));
            var alerts = pool.preparedQuery("SELECT severity FROM alerts WHERE tenant_id = $1"
                    + " AND alert_type = 'WEBHOOK_DELIVERY_FAILED'").executeAndAwait(Tuple.of(tenant.tenantId()));
            assertEquals(1, alerts.size());
            assertEquals("error", alerts.iterator().next().getString("severity"));

            // the receiver is fixed: retry-failed sends it again, from the first attempt
            receiver.answer(204);
            tenant.request().post("/api/webhooks/retry-failed").then().statusCode(200).body("queued", is(1));
            runWorker();
            assertEquals(4, receiver.received().size());
            tenant.request().get("/api/webhooks/" + webhookId + "/deliveries").then()
                    .body("items.state", contains("delivered")).body("items[0].attempts", is(1));
            String deliveryId = deliveries(tenant.tenantId()).get(0).getUUID("id").toString();
            tenant.request().post("/api/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver").then()
                    .statusCode(200).body("state", is("pending"));
            tenant.request().post("/api/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver").then()
                    .statusCode(409);
            runWorker();
            assertEquals(5, receiver.received().size());
        }
    }

    @Test
    void aProcessKilledBetweenClaimAndSendLosesNoDeliveryAndNoTwoRunsSendItAtOnce() throws Throwable {
        try (TestReceiver receiver = new TestReceiver(vertx)) {
            TestTenant tenant = tenants.create();
            tenant.request().body(webhook(receiver.url(), "timeoutSeconds", 5)).post("/api/webhooks").then()
                    .statusCode(201);
            createMandate(tenant);
            clock.set(Instant.now());
            // a run claims the delivery and dies before sending (nothing records its outcome)
            List<DeliveryWorker.Claimed> claimed = VertxContextSupport.subscribeAndAwait(worker::claim);
            assertTrue(claimed.stream().anyMatch(c -> c.tenantId().equals(tenant.tenantId())));
            // while the claim's lease runs, no other run takes it
            runWorker();
            assertEquals(0, receiver.received().size());
            // after the lease (timeout 5 s + 60 s), another run sends it
            clock.advance(Duration.ofSeconds(66));
            runWorker();
            assertEquals(1, receiver.received().size());
            assertEquals("delivered", VertxContextSupport.subscribeAndAwait(() -> deliveryState(tenant)));
        }
    }

    io.smallrye.mutiny.Uni<String> deliveryState(TestTenant tenant) {
        return pool.preparedQuery("SELECT is_delivered FROM webhook_deliveries WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.tenantId()))
                .map(rows -> rows.iterator().next().getBoolean("is_delivered") ? "delivered" : "not delivered");
    }

    @Test
    void webhooksAndDeliveriesAreTheTenantsOwnAndNeedTheirScope() throws Exception {
        try (TestReceiver receiver = new TestReceiver(vertx)) {
            receiver.answer(500);
            TestTenant a = tenants.create();
            TestTenant b = tenants.create();
            String ofA = a.request().body(webhook(receiver.url(), "maxRetries", 1, "retryDelaySeconds", 10))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            createMandate(a);
            clock.set(Instant.now());
            runWorker();
            clock.advance(Duration.ofSeconds(10));
            runWorker();
            String delivery = deliveries(a.tenantId()).get(0).getUUID("id").toString();

            b.request().get("/api/webhooks").then().statusCode(200).body("$", empty());
            b.request().get("/api/webhooks/" + ofA).then().statusCode(404);
            b.request().body(Map.of("isActive", false)).patch("/api/webhooks/" + ofA).then().statusCode(404);
            b.request().get("/api/webhooks/" + ofA + "/deliveries").then().statusCode(404);
            b.request().post("/api/webhooks/" + ofA + "/deliveries/" + delivery + "/redeliver").then()
                    .statusCode(404);
            b.request().post("/api/webhooks/retry-failed").then().statusCode(200).body("queued", is(0));
            b.request().delete("/api/webhooks/" + ofA).then().statusCode(404);
            a.request().queryParam("failed", "true").get("/api/webhooks/" + ofA + "/deliveries").then()
                    .body("items.state", contains("failed"));
            // B's mandates raise nothing at A's webhook
            createMandate(b);
            assertEquals(1, deliveries(a.tenantId()).size());

            a.withScopes(MandateScopes.WRITE).request().get("/api/webhooks").then().statusCode(403)
                    .body("missingScope", is(MandateScopes.WEBHOOKS_MANAGE));
        }
    }

    @Test
    void targetsMustBeHttpAndDeactivatingCancelsPendingDeliveries() {
        TestTenant tenant = tenants.create();
        tenant.request().body(webhook("ftp://example.com/x")).post("/api/webhooks").then().statusCode(400)
                .body("errors[0].field", is("url"));
        tenant.request().body(webhook("http://127.0.0.1:1/x", "maxRetries", 11)).post("/api/webhooks").then()
                .statusCode(400);
        tenant.request().body(Map.of("name", "n", "url", "http://127.0.0.1:1/x", "events", List.of()))
                .post("/api/webhooks").then().statusCode(400);
        tenant.request().body(Map.of("name", "n", "url", "http://127.0.0.1:1/x", "events", List.of("Unknown")))
                .post("/api/webhooks").then().statusCode(400);
        String id = tenant.request().body(webhook("http://127.0.0.1:1/x")).post("/api/webhooks").then()
                .statusCode(201).extract().path("id");
        createMandate(tenant);
        tenant.request().body(Map.of("isActive", false)).patch("/api/webhooks/" + id).then().statusCode(200)
                .body("isActive", is(false));
        tenant.request().get("/api/webhooks/" + id + "/deliveries").then().body("items.state", contains("failed"))
                .body("items[0].lastError", is(WebhookService.CANCELLED));
    }
}
