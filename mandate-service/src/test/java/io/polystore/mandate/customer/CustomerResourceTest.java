package io.polystore.mandate.customer;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @Inject
    TestTenants tenants;

    @Test
    void aTenantManagesItsCustomersAndMandatesReferenceOnlyItsOwn() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        int id = a.request().body(Map.of("externalRef", "cus-1", "name", "Alice GmbH", "email", "ap@alice.example"))
                .post("/api/customers").then().statusCode(201).body("externalRef", is("cus-1")).extract().path("id");
        a.request().body(Map.of("externalRef", "cus-1", "name", "again")).post("/api/customers").then()
                .statusCode(409);
        b.request().body(Map.of("externalRef", "cus-1", "name", "B's own")).post("/api/customers").then()
                .statusCode(201);
        a.request().body(Map.of("name", "Alice AG")).patch("/api/customers/" + id).then().statusCode(200)
                .body("name", is("Alice AG")).body("email", is("ap@alice.example"));
        a.request().get("/api/customers").then().statusCode(200).body("items.id", contains(id));

        b.request().get("/api/customers/" + id).then().statusCode(404);
        b.request().body(Map.of("name", "x")).patch("/api/customers/" + id).then().statusCode(404);
        b.request().delete("/api/customers/" + id).then().statusCode(404);
        String jwt = Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR", Instant.now().plusSeconds(600));
        b.request().body(Map.of("vcJwt", jwt, "customerId", id)).post("/api/mandates").then().statusCode(400)
                .body("errors[0].field", is("customerId"));
        a.request().body(Map.of("vcJwt", jwt, "customerId", id)).post("/api/mandates").then().statusCode(201)
                .body("customerId", is(id));
        a.request().queryParam("customer", id).get("/api/mandates").then().statusCode(200)
                .body("items.customerId", contains(id));

        a.request().delete("/api/customers/" + id).then().statusCode(204);
        a.request().get("/api/customers/" + id).then().statusCode(404);
        a.request().get("/api/customers").then().body("items", empty());
        // its reference is free again
        a.request().body(Map.of("externalRef", "cus-1", "name", "Alice anew")).post("/api/customers").then()
                .statusCode(201);
    }
}
