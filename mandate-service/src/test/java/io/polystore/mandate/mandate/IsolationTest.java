package io.polystore.mandate.mandate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant A reaches nothing of tenant B's, through any route: B's things are "not found", never "forbidden". */
@QuarkusTest
class IsolationTest {

    @Inject
    TestTenants tenants;

    @Test
    void aTenantNeitherSeesNorChangesAnotherTenantsMandates() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        Issuer issuer = Issuer.ed25519();
        String ofB = b.request()
                .body(Map.of("vcJwt", issuer.sign("did:example:b-secret", "p", "1.00", "EUR",
                        Instant.now().plusSeconds(3600))))
                .post("/api/mandates").then().statusCode(201).extract().path("id");
        String path = "/api/mandates/" + ofB;

        a.request().get(path).then().statusCode(404).body(not(containsString("b-secret")));
        a.request().queryParam("includeDeleted", "true").get(path).then().statusCode(404);
        a.request().body(Map.of("status", "revoked")).patch(path).then().statusCode(404);
        a.request().post(path + "/verify").then().statusCode(404);
        a.request().delete(path).then().statusCode(404);
        a.request().post(path + "/restore").then().statusCode(404);
        a.request().get(path + "/audit").then().statusCode(404);
        a.request().queryParam("mandateId", ofB).get("/api/mandates/audit").then().statusCode(200)
                .body("items", empty());
        a.request().get("/api/mandates").then().body("items", empty());
        a.request().queryParam("issuerDid", issuer.did()).get("/api/mandates").then().body("items", empty());

        b.request().get(path).then().statusCode(200).body("status", is("active"));
        // none of A's attempts left a trace in B's trail: CREATE and B's own READ only
        b.request().get(path + "/audit").then().body("items.eventType", contains("READ", "CREATE"));
    }

    @Test
    void issuerKeysAreTheTenantsOwn() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        Issuer bank = Issuer.ed25519().as("did:web:bank-of-b.example");
        String keyOfB = b.request().body(Map.of("issuerDid", bank.did(), "jwk", bank.publicJwk()))
                .post("/api/mandates/issuers").then().statusCode(201).extract().path("id");
        a.request().get("/api/mandates/issuers").then().statusCode(200).body("$", empty());
        a.request().delete("/api/mandates/issuers/" + keyOfB).then().statusCode(404);
        // B's key does not verify A's credentials
        a.request().body(Map.of("vcJwt", bank.sign("did:example:x", "p", "1.00", "EUR",
                Instant.now().plusSeconds(3600)))).post("/api/mandates").then().statusCode(201)
                .body("verificationStatus", is("UNVERIFIED"));
    }
}
