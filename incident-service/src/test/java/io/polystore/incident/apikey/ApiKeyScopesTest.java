package io.polystore.incident.apikey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoped keys: managing keys needs {@code keys:manage}; a key makes keys with at most its own scopes and becomes their
 * parent; revoking a key revokes everything it made, transitively.
 */
@QuarkusTest
class ApiKeyScopesTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestCallers callers;

    @Test
    void keyManagementNeedsKeysManage() {
        TestCaller dataOnly = callers.create(Scopes.DATA);
        dataOnly.request().body(Map.of("name", "escalate")).post("/api/keys")
                .then().statusCode(403).contentType(PROBLEM)
                .body("missingScope", is(Scopes.KEYS_MANAGE))
                .body("detail", containsString(Scopes.KEYS_MANAGE));
        dataOnly.request().get("/api/keys").then().statusCode(403).body("missingScope", is(Scopes.KEYS_MANAGE));
        dataOnly.request().get("/api/keys/" + dataOnly.keyId()).then().statusCode(403);
        dataOnly.request().post("/api/keys/" + dataOnly.keyId() + "/regenerate").then().statusCode(403);
        dataOnly.request().delete("/api/keys/" + dataOnly.keyId()).then().statusCode(403);
        callers.verify(dataOnly.apiKey()).then().statusCode(200).body("scopes", contains(Scopes.DATA.toArray()));
    }

    @Test
    void withoutScopesANewKeyGetsTheCallersDataScopesAndTheCallerAsParent() {
        TestCaller caller = callers.create(List.of(Scopes.PAYMENTS, Scopes.INCIDENTS, Scopes.KEYS_MANAGE));
        var created = create(caller, Map.of("name", "child"))
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("scopes", contains(Scopes.INCIDENTS, Scopes.PAYMENTS))
                .body("parentKeyId", is((int) caller.keyId()))
                .extract();
        String location = created.header("Location");
        assertEquals("/api/keys/" + created.path("keyId"), URI.create(location).getPath());
        caller.request().get(URI.create(location).getPath()).then().statusCode(200)
                .body("id", is((Integer) created.path("keyId")))
                .body("name", is("child"))
                .body("scopes", contains(Scopes.INCIDENTS, Scopes.PAYMENTS))
                .body("parentKeyId", is((int) caller.keyId()))
                .body("apiKey", nullValue());
        callers.verify(created.path("apiKey")).then().statusCode(200)
                .body("scopes", contains(Scopes.INCIDENTS, Scopes.PAYMENTS));
        caller.request().get("/api/keys/" + caller.keyId()).then().statusCode(200)
                .body("parentKeyId", nullValue())
                .body("scopes", contains(Scopes.INCIDENTS, Scopes.PAYMENTS, Scopes.KEYS_MANAGE));
    }

    @Test
    void theReadOnlyTwinAndWebhooksManageAreGivenOnlyWhenNamed() {
        TestCaller caller = callers.create(List.of(Scopes.MANDATES, Scopes.MANDATES_READ, Scopes.WEBHOOKS_MANAGE,
                Scopes.KEYS_MANAGE));
        create(caller, Map.of("name", "inherits")).statusCode(201)
                .body("scopes", contains(Scopes.MANDATES)); // the twin adds nothing to mandates; webhooks:manage is named
        create(caller, Map.of("name", "named", "scopes", List.of(Scopes.WEBHOOKS_MANAGE, Scopes.MANDATES_READ)))
                .statusCode(201).body("scopes", contains(Scopes.MANDATES_READ, Scopes.WEBHOOKS_MANAGE));

        TestCaller writer = callers.create(List.of(Scopes.MANDATES, Scopes.KEYS_MANAGE));
        create(writer, Map.of("name", "reader", "scopes", List.of(Scopes.MANDATES_READ))).statusCode(201)
                .body("scopes", contains(Scopes.MANDATES_READ)); // mandates holds its read-only twin
        create(writer, Map.of("name", "hooks", "scopes", List.of(Scopes.WEBHOOKS_MANAGE))).statusCode(403)
                .body("missingScope", is(Scopes.WEBHOOKS_MANAGE));

        TestCaller reader = callers.create(List.of(Scopes.MANDATES_READ, Scopes.KEYS_MANAGE));
        create(reader, Map.of("name", "wider", "scopes", List.of(Scopes.MANDATES))).statusCode(403)
                .body("missingScope", is(Scopes.MANDATES)); // the twin does not hold its full scope
        create(reader, Map.of("name", "inherits")).statusCode(201).body("scopes", contains(Scopes.MANDATES_READ));
    }

    @Test
    void explicitScopesAreStoredInTheirCanonicalOrder() {
        TestCaller caller = callers.create();
        ExtractableResponse<?> created = create(caller,
                Map.of("name", "manager", "scopes", List.of(Scopes.KEYS_MANAGE, Scopes.PAYMENTS, Scopes.PAYMENTS)))
                .statusCode(201)
                .body("scopes", contains(Scopes.PAYMENTS, Scopes.KEYS_MANAGE)).extract();
        caller.request().get("/api/keys").then().statusCode(200)
                .body("find { it.id == " + created.path("keyId") + " }.scopes",
                        contains(Scopes.PAYMENTS, Scopes.KEYS_MANAGE));
    }

    @Test
    void aKeyCannotGiveMoreThanItHas() {
        TestCaller caller = callers.create(List.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE));
        create(caller, Map.of("name", "wider", "scopes", List.of(Scopes.INCIDENTS, Scopes.PAYMENTS)))
                .statusCode(403).contentType(PROBLEM)
                .body("missingScope", is(Scopes.PAYMENTS))
                .body("detail", containsString(Scopes.PAYMENTS));

        TestCaller child = caller.withKey(create(caller,
                Map.of("name", "narrower", "scopes", List.of(Scopes.KEYS_MANAGE))).statusCode(201).extract());
        create(child, Map.of("name", "grandchild", "scopes", List.of(Scopes.INCIDENTS)))
                .statusCode(403).body("missingScope", is(Scopes.INCIDENTS));
        create(child, Map.of("name", "grandchild")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("scopes"));
        caller.request().get("/api/keys").then().statusCode(200).body("name", contains("test key", "narrower"));
    }

    @Test
    void unknownOrNoScopesAre400NamingTheField() {
        TestCaller caller = callers.create();
        for (Object scopes : new Object[]{List.of("incidents", "everything"), List.of(Scopes.INTERNAL), List.of(),
                List.of("INCIDENTS"), "incidents"}) {
            create(caller, Map.of("name", "bad", "scopes", scopes)).statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is("scopes"));
        }
        caller.request().body("{\"name\": \"bad\", \"scopes\": [null]}").post("/api/keys")
                .then().statusCode(400).body("errors[0].field", is("scopes"));
        caller.request().get("/api/keys").then().body("$", hasSize(1));
    }

    @Test
    void anotherUsersKeyIsNotFound() {
        TestCaller caller = callers.create();
        TestCaller other = callers.create();
        caller.request().get("/api/keys/" + other.keyId()).then().statusCode(404).contentType(PROBLEM);
        caller.request().get("/api/keys/999999999").then().statusCode(404);
    }

    @Test
    void regenerateKeepsScopesAndChildren() {
        TestCaller caller = callers.create();
        TestCaller parent = caller.withKey(create(caller,
                Map.of("name", "parent", "scopes", List.of(Scopes.CATALOG, Scopes.KEYS_MANAGE))).statusCode(201)
                .extract());
        int child = create(parent, Map.of("name", "child")).statusCode(201).extract().path("keyId");

        String regenerated = caller.request().post("/api/keys/" + parent.keyId() + "/regenerate")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("scopes", contains(Scopes.CATALOG, Scopes.KEYS_MANAGE))
                .body("parentKeyId", is((int) caller.keyId()))
                .extract().path("apiKey");
        callers.verify(regenerated).then().statusCode(200).body("scopes", contains(Scopes.CATALOG, Scopes.KEYS_MANAGE));
        caller.request().get("/api/keys/" + child).then().statusCode(200)
                .body("parentKeyId", is((int) parent.keyId())).body("scopes", contains(Scopes.CATALOG));
    }

    @Test
    void revokingAKeyRevokesEveryKeyItMadeTransitively() {
        TestCaller root = callers.create();
        Map<String, Object> manager = Map.of("name", "manager", "scopes",
                List.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE));
        TestCaller parent = root.withKey(create(root, manager).statusCode(201).extract());
        TestCaller child = parent.withKey(create(parent, manager).statusCode(201).extract());
        TestCaller grandchild = child.withKey(create(child, manager).statusCode(201).extract());
        TestCaller sibling = root.withKey(create(root, Map.of("name", "sibling")).statusCode(201).extract());
        TestCaller childsSibling = parent.withKey(create(parent, Map.of("name", "second child")).statusCode(201)
                .extract());

        root.request().delete("/api/keys/" + parent.keyId()).then().statusCode(204);

        for (TestCaller revoked : List.of(parent, child, grandchild, childsSibling)) {
            callers.verify(revoked.apiKey()).then().statusCode(401);
            root.request().get("/api/keys/" + revoked.keyId()).then().statusCode(404);
        }
        callers.verify(root.apiKey()).then().statusCode(200);
        callers.verify(sibling.apiKey()).then().statusCode(200);
        root.request().get("/api/keys").then().statusCode(200)
                .body("id", containsInAnyOrder((int) root.keyId(), (int) sibling.keyId()));

        // a token the gateway signed before it learned of the revocation creates nothing more
        create(grandchild, Map.of("name", "too late")).statusCode(401).contentType(PROBLEM);
        root.request().get("/api/keys").then().body("$", hasSize(2));
    }

    private static io.restassured.response.ValidatableResponse create(TestCaller caller, Map<String, ?> body) {
        return caller.request().body(body).post("/api/keys").then();
    }
}
