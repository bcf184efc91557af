package io.polystore.mandate.mandate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent changes of one mandate: exactly one wins under If-Match, and no transition slips through a race. */
@QuarkusTest
class MandateConcurrencyTest {

    static final int WRITERS = 8;

    @Inject
    TestTenants tenants;

    List<Integer> concurrently(Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                answers.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofConcurrentChangesUnderOneIfMatchExactlyOneApplies() throws Exception {
        TestTenant tenant = tenants.create();
        String id = tenant.request().body(Map.of("vcJwt", Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR",
                Instant.now().plusSeconds(3600)))).post("/api/mandates").then().statusCode(201).extract().path("id");
        List<Integer> statuses = concurrently(() -> tenant.request().header("If-Match", "\"0\"")
                .body(Map.of("status", "suspended")).patch("/api/mandates/" + id).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        tenant.request().get("/api/mandates/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void revokedOnceIsRevokedEvenWhenRequestsRace() throws Exception {
        TestTenant tenant = tenants.create();
        String id = tenant.request().body(Map.of("vcJwt", Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR",
                Instant.now().plusSeconds(3600)))).post("/api/mandates").then().statusCode(201).extract().path("id");
        // without If-Match the changes queue behind each other: the first revokes, the others find it revoked
        List<Integer> statuses = concurrently(() -> tenant.request().body(Map.of("status", "revoked"))
                .patch("/api/mandates/" + id).statusCode());
        assertEquals(WRITERS, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        // revoked -> revoked changes nothing: one UPDATE in the trail, one version
        tenant.request().get("/api/mandates/" + id).then().header("ETag", "\"1\"");
        tenant.request().queryParam("mandateId", id).queryParam("eventType", "UPDATE").get("/api/mandates/audit")
                .then().body("items.size()", org.hamcrest.Matchers.is(1));
        List<Integer> back = concurrently(() -> tenant.request().body(Map.of("status", "active"))
                .patch("/api/mandates/" + id).statusCode());
        assertEquals(WRITERS, back.stream().filter(s -> s == 409).count(), back.toString());
    }
}
