package io.polystore.gateway.access;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scope each route needs, as configured in application.properties: read-only twins for reads only, webhooks' and
 * archives' own scopes, and an alias needing its route's scope. A refusal never reaches the service.
 */
@QuarkusTest
class ScopedRoutesTest {

    @BeforeEach
    void servicesUp() {
        FakeServices.allUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/mandates", "/api/customers", "/api/alerts"})
    void mandatesReadOpensGetAndHeadOnly(String route) {
        FakeKeys.Key reader = FakeKeys.issue("reader", Scopes.MANDATES_READ);
        call(reader, "GET", route + "/7?page=2").statusCode(200).body("uri", is(route + "/7?page=2"));
        call(reader, "HEAD", route + "/7").statusCode(200);
        for (String write : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            forbidden(reader, write, route + "/7", Scopes.MANDATES);
        }
        FakeKeys.Key writer = FakeKeys.issue("writer", Scopes.MANDATES);
        call(writer, "DELETE", route + "/7").statusCode(200).body("method", is("DELETE"));
        call(writer, "GET", route).statusCode(200);
    }

    @Test
    void webhooksNeedWebhooksManageWhatever() {
        FakeKeys.Key mandates = FakeKeys.issue("mandates", Scopes.MANDATES, Scopes.MANDATES_READ);
        forbidden(mandates, "GET", "/api/webhooks", Scopes.WEBHOOKS_MANAGE);
        forbidden(mandates, "POST", "/api/webhooks", Scopes.WEBHOOKS_MANAGE);
        FakeKeys.Key hooks = FakeKeys.issue("hooks", Scopes.WEBHOOKS_MANAGE);
        call(hooks, "POST", "/api/webhooks").statusCode(200).body("service", is("mandate-service"));
        forbidden(hooks, "GET", "/api/mandates", Scopes.MANDATES);
    }

    @Test
    void theArchiveBelongsToTheSessionsArea() {
        forbidden(FakeKeys.issue("mandates", Scopes.MANDATES), "GET", "/api/archives/3", Scopes.SESSIONS);
        call(FakeKeys.issue("sessions", Scopes.SESSIONS), "GET", "/api/archives/3").statusCode(200)
                .body("service", is("mandate-service")).body("uri", is("/api/archives/3"));
    }

    @Test
    void bookingsNeedPayments() {
        forbidden(FakeKeys.issue("incidents", Scopes.INCIDENTS), "GET", "/api/bookings", Scopes.PAYMENTS);
        call(FakeKeys.issue("payments", Scopes.PAYMENTS), "POST", "/api/bookings").statusCode(200)
                .body("service", is("payment-service")).body("uri", is("/api/payments"));
    }

    private static void forbidden(FakeKeys.Key key, String method, String path, String missingScope) {
        int before = received();
        call(key, method, path).statusCode(403);
        if (!method.equals("HEAD")) {
            call(key, method, path).contentType("application/problem+json").body("missingScope", is(missingScope));
        }
        assertEquals(before, received(),
                method + " " + path + " reached a service");
    }

    private static int received() {
        return FakeServices.DATABASES.keySet().stream().mapToInt(service -> FakeServices.get(service).received().size())
                .sum();
    }

    private static ValidatableResponse call(FakeKeys.Key key, String method, String path) {
        return RestAssured.given().urlEncodingEnabled(false).header("X-API-Key", key.apiKey()).request(method, path)
                .then();
    }
}
