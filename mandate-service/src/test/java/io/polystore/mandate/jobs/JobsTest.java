package io.polystore.mandate.jobs;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The expiry and retention jobs, run by the test with the clock moved instead of waiting (scheduler off in tests). */
@QuarkusTest
class JobsTest {

    @Inject
    TestTenants tenants;
    @Inject
    ExpiryJob expiry;
    @Inject
    RetentionJob retention;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry registry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static String mandate(TestTenant tenant, Instant expiresAt, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("vcJwt",
                Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR", expiresAt)));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return tenant.request().body(body).post("/api/mandates").then().statusCode(201).extract().path("id");
    }

    @Test
    void expiringMandatesGetOneAlertAndExpiredOnesExpireWithAnEvent() {
        TestTenant tenant = tenants.create();
        Instant now = Instant.now();
        clock.set(now);
        String soon = mandate(tenant, now.plus(Duration.ofDays(2)));
        String later = mandate(tenant, now.plus(Duration.ofDays(5)));
        String far = mandate(tenant, now.plus(Duration.ofDays(30)));
        tenant.request().body(Map.of("name", "n", "url", "http://127.0.0.1:1/x", "events", java.util.List.of(
                "MandateExpired"))).post("/api/webhooks").then().statusCode(201);

        ExpiryJob.Result dry = await(() -> expiry.run(7, true));
        assertTrue(dry.alertsRaised() >= 2, dry.toString());
        tenant.request().get("/api/alerts").then().body("items", empty());

        assertTrue(await(() -> expiry.run(7, false)).ran());
        // raised in one run (one millisecond): their order is not defined, their severities are
        tenant.request().queryParam("type", "MANDATE_EXPIRING").get("/api/alerts").then().statusCode(200)
                .body("items.mandateId", containsInAnyOrder(later, soon))
                .body("items.find { it.mandateId == '" + soon + "' }.severity", is("warning"))
                .body("items.find { it.mandateId == '" + later + "' }.severity", is("info"));
        await(() -> expiry.run(7, false));
        tenant.request().queryParam("type", "MANDATE_EXPIRING").get("/api/alerts").then()
                .body("items.mandateId", containsInAnyOrder(later, soon));

        clock.advance(Duration.ofDays(3));
        await(() -> expiry.run(7, false));
        tenant.request().get("/api/mandates/" + soon).then().body("status", is("expired"));
        tenant.request().get("/api/mandates/" + far).then().body("status", is("active"));
        tenant.request().get("/api/mandates/" + soon + "/audit").then()
                .body("items.details.via", hasItem("system"));
        var events = pool.preparedQuery("SELECT event_type FROM webhook_deliveries WHERE tenant_id = $1")
                .executeAndAwait(Tuple.of(tenant.tenantId()));
        assertEquals(1, events.size());
        assertEquals("MandateExpired", events.iterator().next().getString("event_type"));
    }

    @Test
    void alertsAreReadAndResolvedByTheirTenantOnly() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        clock.set(Instant.now());
        mandate(a, clock.instant().plus(Duration.ofDays(1)));
        await(() -> expiry.run(7, false));
        String alert = a.request().get("/api/alerts").then().statusCode(200).extract().path("items[0].id");

        b.request().get("/api/alerts/" + alert).then().statusCode(404);
        b.request().post("/api/alerts/" + alert + "/read").then().statusCode(404);
        b.request().post("/api/alerts/" + alert + "/resolve").then().statusCode(404);
        b.request().get("/api/alerts").then().body("items", empty());

        a.request().post("/api/alerts/" + alert + "/read").then().statusCode(200).body("isRead", is(true));
        a.request().queryParam("read", "false").get("/api/alerts").then().body("items", empty());
        a.request().post("/api/alerts/" + alert + "/resolve").then().statusCode(200).body("isResolved", is(true))
                .body("resolvedAt", notNullValue());
        a.request().queryParam("resolved", "true").queryParam("severity", "warning").get("/api/alerts").then()
                .body("items.id", contains(alert));
        a.request().queryParam("severity", "WARNING").get("/api/alerts").then().statusCode(400)
                .body("errors[0].field", is("severity"));
    }

    @Test
    void retentionPurgesDeletedMandatesAfterTheirRetentionOldAuditAndResolvedAlerts() {
        TestTenant tenant = tenants.create();
        Instant now = Instant.now();
        clock.set(now);
        String shortLived = mandate(tenant, now.plus(Duration.ofDays(400)), "retentionDays", 1);
        String kept = mandate(tenant, now.plus(Duration.ofDays(400)), "retentionDays", 30);
        tenant.request().delete("/api/mandates/" + shortLived).then().statusCode(204);
        tenant.request().delete("/api/mandates/" + kept).then().statusCode(204);

        await(() -> retention.run(false));
        tenant.request().post("/api/mandates/" + shortLived + "/restore").then().statusCode(200);
        tenant.request().delete("/api/mandates/" + shortLived).then().statusCode(204);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        RetentionJob.Result dry = await(() -> retention.run(true));
        assertTrue(dry.mandates() >= 1, dry.toString());
        tenant.request().queryParam("includeDeleted", "true").get("/api/mandates/" + shortLived).then()
                .statusCode(200);
        double before = registry.counter("mandate.retention.purged", "kind", "mandates").count();
        RetentionJob.Result done = await(() -> retention.run(false));
        assertTrue(done.ran() && done.mandates() >= 1, done.toString());
        assertTrue(registry.counter("mandate.retention.purged", "kind", "mandates").count() >= before + 1);
        tenant.request().queryParam("includeDeleted", "true").get("/api/mandates/" + shortLived).then()
                .statusCode(404);
        tenant.request().post("/api/mandates/" + shortLived + "/restore").then().statusCode(404);
        tenant.request().post("/api/mandates/" + kept + "/restore").then().statusCode(200);
        // its audit trail outlives it until the audit's own retention
        tenant.request().queryParam("mandateId", shortLived).get("/api/mandates/audit").then()
                .body("items.eventType", hasItem("SOFT_DELETE"));

        clock.advance(Duration.ofDays(366));
        await(() -> retention.run(false));
        tenant.request().queryParam("mandateId", shortLived).get("/api/mandates/audit").then().body("items", empty());
    }

    @Test
    void aJobRunsOnceAcrossInstances() {
        SqlConnection other = pool.getConnectionAndAwait();
        try {
            Transaction transaction = other.beginAndAwait();
            other.preparedQuery("SELECT pg_advisory_xact_lock($1)").executeAndAwait(Tuple.of(72_410_002L));
            assertFalse(await(() -> retention.run(false)).ran(), "another instance holds the retention lock");
            assertTrue(await(() -> expiry.run(7, true)).ran(), "the expiry job has a lock of its own");
            transaction.rollbackAndAwait();
            assertTrue(await(() -> retention.run(true)).ran());
        } finally {
            other.closeAndAwait();
        }
    }
}
