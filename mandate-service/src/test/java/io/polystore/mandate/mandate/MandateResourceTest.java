package io.polystore.mandate.mandate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.polystore.mandate.access.MandateScopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MandateResourceTest {

    static final String SUBJECT = "did:example:customer-1";

    @Inject
    TestTenants tenants;
    @Inject
    Pool pool;

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    static ExtractableResponse<Response> create(TestTenant tenant, String vcJwt) {
        return tenant.request().body(Map.of("vcJwt", vcJwt)).post("/api/mandates").then().extract();
    }

    @Test
    void aDidKeyEd25519CredentialIsStoredValidWithItsClaims() {
        TestTenant tenant = tenants.create();
        Issuer issuer = Issuer.ed25519();
        String jwt = issuer.sign(SUBJECT, "payments:recurring", "250.00", "EUR", inDays(30));
        ExtractableResponse<Response> created = create(tenant, jwt);
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("\"0\"", created.header("ETag"));
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/mandates/" + id));
        tenant.request().get("/api/mandates/" + id).then().statusCode(200)
                .body("issuerDid", is(issuer.did())).body("subjectDid", is(SUBJECT))
                .body("scope", is("payments:recurring")).body("amountLimit.amount", is("250.00"))
                .body("amountLimit.currency", is("EUR")).body("status", is("active"))
                .body("verificationStatus", is("VALID")).body("verificationReason", nullValue())
                .body("retentionDays", is(90)).body("vcJwt", is(jwt)).body("version", nullValue());
    }

    @Test
    void aDidKeyP256CredentialIsValid() {
        TestTenant tenant = tenants.create();
        String jwt = Issuer.p256().sign(SUBJECT, "payments", "10", "JPY", inDays(3));
        ExtractableResponse<Response> created = create(tenant, jwt);
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("VALID", created.path("verificationStatus"));
        assertEquals("10", created.path("amountLimit.amount"));
    }

    @Test
    void aBadSignatureIsStoredInvalidWithAReasonAndAnAlert() {
        TestTenant tenant = tenants.create();
        Issuer issuer = Issuer.ed25519();
        // signed by another key than the one in the issuer's did:key
        String forged = Issuer.ed25519().as(issuer.did()).sign(SUBJECT, "payments", "99.00", "EUR", inDays(30));
        ExtractableResponse<Response> created = create(tenant, forged);
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("INVALID", created.path("verificationStatus"));
        assertEquals(true, created.<String>path("verificationReason").contains("does not verify"));
        String id = created.path("id");
        var alerts = pool
                .preparedQuery("SELECT alert_type, severity FROM alerts WHERE tenant_id = $1 AND mandate_id = $2")
                .executeAndAwait(Tuple.of(tenant.tenantId(), UUID.fromString(id)));
        assertEquals(1, alerts.size());
        assertEquals("MANDATE_VERIFICATION_FAILED", alerts.iterator().next().getString("alert_type"));
    }

    @Test
    void anExpiredCredentialIsInvalidAndExpired() {
        TestTenant tenant = tenants.create();
        ExtractableResponse<Response> created = create(tenant,
                Issuer.ed25519().sign(SUBJECT, "payments", "1.00", "EUR", Instant.now().minusSeconds(60)));
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("INVALID", created.path("verificationStatus"));
        assertEquals("expired", created.path("status"));
    }

    @Test
    void aRegisteredJwkVerifiesAnIssuerWithoutDidKeyAndWithoutItTheMandateIsUnverified() {
        TestTenant tenant = tenants.create();
        Issuer bank = Issuer.p256().as("did:web:bank.example");
        String jwt = bank.sign(SUBJECT, "payments", "5.00", "USD", inDays(10));
        ExtractableResponse<Response> unverified = create(tenant, jwt);
        assertEquals("UNVERIFIED", unverified.path("verificationStatus"));

        tenant.request().body(Map.of("issuerDid", bank.did(), "jwk", bank.publicJwk())).post("/api/mandates/issuers")
                .then().statusCode(201).body("issuerDid", is(bank.did())).body("jwk.d", nullValue());
        tenant.request().body(Map.of("issuerDid", bank.did(), "jwk", bank.publicJwk())).post("/api/mandates/issuers")
                .then().statusCode(409);
        assertEquals("VALID", create(tenant, jwt).path("verificationStatus"));
        // verify on demand: the first mandate, now that the key is known
        tenant.request().post("/api/mandates/" + unverified.path("id") + "/verify").then().statusCode(200)
                .body("verificationStatus", is("VALID")).header("ETag", is("\"1\""));
        // a private key is never accepted
        tenant.request().body(Map.of("issuerDid", bank.did(), "jwk", bank.key().toJSONObject()))
                .post("/api/mandates/issuers").then().statusCode(400).body("errors[0].field", is("jwk"));
    }

    @Test
    void aMalformedCredentialIsA400NamingTheFieldAndNothingIsStored() {
        TestTenant tenant = tenants.create();
        tenant.request().body(Map.of("vcJwt", "not.a.jwt")).post("/api/mandates").then().statusCode(400)
                .body("errors[0].field", is("vcJwt"));
        tenant.request().body(Map.of("vcJwt", "")).post("/api/mandates").then().statusCode(400);
        tenant.request().body(Map.of()).post("/api/mandates").then().statusCode(400);
        // well-formed JWS, but no issuer DID
        String noIssuer = Issuer.ed25519().sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(SUBJECT).build());
        tenant.request().body(Map.of("vcJwt", noIssuer)).post("/api/mandates").then().statusCode(400)
                .body("detail", containsString("iss"));
        tenant.request().body(Map.of("vcJwt", Issuer.ed25519().sign(SUBJECT, "p", "1.001", "EUR", inDays(1))))
                .post("/api/mandates").then().statusCode(400).body("errors[0].field", is("vcJwt"));
        tenant.request().get("/api/mandates").then().statusCode(200).body("items", empty());
    }

    @Test
    void listsPageNewestFirstWithFilters() {
        TestTenant tenant = tenants.create();
        Issuer a = Issuer.ed25519();
        Issuer b = Issuer.p256();
        String first = create(tenant, a.sign(SUBJECT, "p", "1.00", "EUR", inDays(2))).path("id");
        String second = create(tenant, b.sign("did:example:other", "p", "1.00", "EUR", inDays(20))).path("id");
        String third = create(tenant, a.sign(SUBJECT, "p", "1.00", "EUR", inDays(40))).path("id");

        ExtractableResponse<Response> page = tenant.request().queryParam("limit", 2).get("/api/mandates").then()
                .statusCode(200).body("items.id", contains(third, second)).extract();
        tenant.request().queryParam("limit", 2).queryParam("cursor", page.<String>path("nextCursor"))
                .get("/api/mandates").then().body("items.id", contains(first)).body("nextCursor", nullValue());
        tenant.request().queryParam("issuerDid", a.did()).get("/api/mandates").then()
                .body("items.id", contains(third, first));
        tenant.request().queryParam("subjectDid", "did:example:other").get("/api/mandates").then()
                .body("items.id", contains(second));
        tenant.request().queryParam("expiresBefore", inDays(10).toString().replaceAll("\\.\\d+Z", "Z"))
                .get("/api/mandates").then().body("items.id", contains(first));
        tenant.request().queryParam("status", "revoked").get("/api/mandates").then().body("items", empty());
        tenant.request().queryParam("status", "ACTIVE").get("/api/mandates").then().statusCode(400)
                .body("errors[0].field", is("status"));
        tenant.request().queryParam("cursor", "forged").get("/api/mandates").then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        tenant.request().queryParam("limit", "0").get("/api/mandates").then().statusCode(400);
    }

    @Test
    void readsAreAuditedAndTheTrailIsSearchable() {
        TestTenant tenant = tenants.create();
        String id = create(tenant, Issuer.ed25519().sign(SUBJECT, "p", "1.00", "EUR", inDays(2))).path("id");
        tenant.request().header("User-Agent", "audit-test/1.0").get("/api/mandates/" + id).then().statusCode(200);
        tenant.request().get("/api/mandates/" + id + "/audit").then().statusCode(200)
                .body("items.eventType", contains("READ", "CREATE"))
                .body("items[0].details.userAgent", is("audit-test/1.0"))
                .body("items[0].details.clientAddress", notNullValue())
                .body("items[0].details.userId", is(tenant.userId()))
                .body("items[0].mandateId", is(id));
        tenant.request().queryParam("eventType", "CREATE").get("/api/mandates/audit").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].mandateId", is(id));
        tenant.request().queryParam("mandateId", id).queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2999-01-01T00:00:00Z").get("/api/mandates/audit").then()
                .body("items", hasSize(2));
        tenant.request().queryParam("eventType", "read").get("/api/mandates/audit").then().statusCode(400);
        // the log is append-only
        RuntimeException refused = assertThrows(RuntimeException.class, () -> pool
                .query("UPDATE audit_log SET event_type = 'READ' WHERE id = (SELECT max(id) FROM audit_log)")
                .executeAndAwait());
        assertEquals(true, refused.getMessage().contains("append-only"), refused.getMessage());
    }

    @Test
    void patchFollowsTheTransitionTableAndIfMatch() {
        TestTenant tenant = tenants.create();
        String id = create(tenant, Issuer.ed25519().sign(SUBJECT, "p", "1.00", "EUR", inDays(2))).path("id");
        String path = "/api/mandates/" + id;
        tenant.request().header("If-Match", "\"0\"").body(Map.of("status", "suspended", "scope", "narrower"))
                .patch(path).then().statusCode(200).header("ETag", is("\"1\"")).body("status", is("suspended"))
                .body("scope", is("narrower"));
        tenant.request().header("If-Match", "\"0\"").body(Map.of("status", "active")).patch(path).then()
                .statusCode(412);
        tenant.request().header("If-Match", "1").body(Map.of("status", "active")).patch(path).then()
                .statusCode(400);
        tenant.request().body(Map.of("status", "expired")).patch(path).then().statusCode(409)
                .body("currentStatus", is("suspended")).body("allowed", contains("active", "revoked"));
        tenant.request().body(Map.of("amountLimit", Map.of("amount", "12.5", "currency", "EUR"),
                "retentionDays", 7)).patch(path).then().statusCode(200).body("amountLimit.amount", is("12.50"))
                .body("retentionDays", is(7));
        tenant.request().body(Map.of("retentionDays", 366)).patch(path).then().statusCode(400);
        tenant.request().body(Map.of()).patch(path).then().statusCode(400);
        tenant.request().body(Map.of("status", "revoked")).patch(path).then().statusCode(200)
                .body("status", is("revoked"));
        tenant.request().body(Map.of("status", "active")).patch(path).then().statusCode(409)
                .body("allowed", empty());
        tenant.request().get(path + "/audit").then().body("items.eventType", hasItem("UPDATE"))
                .body("items[0].details.change.status.to", is("revoked"));
    }

    @Test
    void softDeleteHidesTheMandateAndRestoreBringsItBack() {
        TestTenant tenant = tenants.create();
        String id = create(tenant, Issuer.ed25519().sign(SUBJECT, "p", "1.00", "EUR", inDays(2))).path("id");
        String path = "/api/mandates/" + id;
        tenant.request().body(Map.of("status", "suspended")).patch(path).then().statusCode(200);
        tenant.request().delete(path).then().statusCode(204);
        tenant.request().get(path).then().statusCode(404);
        tenant.request().delete(path).then().statusCode(404);
        tenant.request().get("/api/mandates").then().body("items", empty());
        tenant.request().queryParam("includeDeleted", "true").get("/api/mandates").then()
                .body("items.id", contains(id)).body("items[0].status", is("deleted"))
                .body("items[0].deletedAt", notNullValue());
        tenant.request().queryParam("includeDeleted", "true").get(path).then().statusCode(200)
                .body("status", is("deleted"));
        tenant.request().body(Map.of("scope", "x")).patch(path).then().statusCode(409);
        tenant.request().post(path + "/restore").then().statusCode(200).body("status", is("suspended"))
                .body("deletedAt", nullValue());
        tenant.request().post(path + "/restore").then().statusCode(409);
        tenant.request().get(path + "/audit").then()
                .body("items.eventType", hasItem("SOFT_DELETE")).body("items.eventType", hasItem("RESTORE"));
    }

    @Test
    void aReadOnlyKeyReadsButDoesNotWriteAndAKeyWithoutTheScopeDoesNeither() {
        TestTenant tenant = tenants.create();
        String id = create(tenant, Issuer.ed25519().sign(SUBJECT, "p", "1.00", "EUR", inDays(2))).path("id");
        TestTenant readOnly = tenant.withScopes(MandateScopes.READ);
        readOnly.request().get("/api/mandates/" + id).then().statusCode(200);
        readOnly.request().get("/api/mandates").then().statusCode(200).body("items", hasSize(1));
        readOnly.request().get("/api/mandates/audit").then().statusCode(200);
        readOnly.request().body(Map.of("status", "revoked")).patch("/api/mandates/" + id).then().statusCode(403)
                .body("missingScope", is(MandateScopes.WRITE));
        readOnly.request().body(Map.of("vcJwt", "x")).post("/api/mandates").then().statusCode(403);
        TestTenant other = tenant.withScopes("incidents");
        other.request().get("/api/mandates/" + id).then().statusCode(403).body("missingScope", is(MandateScopes.READ));
        other.request().get("/api/mandates").then().statusCode(403);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        TestTenant tenant = tenants.create();
        tenant.request().get("/api/mandates/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", startsWith("mandate"));
        tenant.request().get("/api/mandates/not-a-uuid").then().statusCode(404);
        tenant.request().get("/api/mandates/" + UUID.randomUUID() + "/audit").then().statusCode(404);
    }
}
