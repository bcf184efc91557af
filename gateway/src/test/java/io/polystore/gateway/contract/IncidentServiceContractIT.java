package io.polystore.gateway.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.RedisTestResource;
import io.polystore.gateway.auth.IdentityTokens;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real gateway in front of the real, packaged incident-service (no fake of the verify endpoint): the key format the
 * CLI issues, the verify contract ({@code POST /internal/keys/verify} with the gateway's service token, answering key
 * id, user id and scopes) and the identity token's claims must agree for any of this to pass.
 */
@QuarkusTest
@TestProfile(IncidentServiceContractIT.RealIncidentService.class)
class IncidentServiceContractIT {

    /** What the README promises: a revoked key is refused by every gateway within 5 s. */
    static final long REVOCATION_BOUND_MS = 5_000;

    public static class RealIncidentService implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(RedisTestResource.class),
                    new TestResourceEntry(IncidentServiceProcess.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the production bounds, not the shorter test ones
            return Map.of("gateway.auth.cache-ttl", "5s", "gateway.auth.refresh-after", "2s");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    IdentityTokens tokens;

    @Test
    void aKeyMadeWithTheCliWorksThroughTheGatewayWithinItsScopesOnly() throws Exception {
        String apiKey = issue(newUser(), Scopes.INCIDENTS).getString("apiKey");

        HttpResponse<String> created = send("POST", gateway("/api/incidents"), apiKey,
                "{\"title\":\"disk full\",\"description\":\"node 3\",\"severity\":\"high\"}");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> listed = send("GET", gateway("/api/incidents"), apiKey, null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("disk full",
                new JsonObject(listed.body()).getJsonArray("items").getJsonObject(0).getString("title"));
        assertTrue(listed.headers().firstValue("X-RateLimit-Limit").isPresent());

        HttpResponse<String> keys = send("POST", gateway("/api/keys"), apiKey, "{\"name\":\"more\"}");
        assertEquals(403, keys.statusCode(), keys.body());
        assertEquals(Scopes.KEYS_MANAGE, new JsonObject(keys.body()).getString("missingScope"));
    }

    @Test
    void theServiceBelievesOnlyTheGatewaysToken() throws Exception {
        JsonObject user = newUser();
        HttpRequest spoofed = HttpRequest.newBuilder(URI.create(IncidentServiceProcess.url() + "/api/incidents"))
                .header("X-Polystore-User-Id", String.valueOf(user.getLong("id")))
                .header("X-Polystore-Key-Id", "1").GET().build();
        assertEquals(401, http.send(spoofed, HttpResponse.BodyHandlers.ofString()).statusCode());

        String apiKey = issue(user, Scopes.INCIDENTS).getString("apiKey");
        HttpResponse<String> asKey = send("GET", URI.create(IncidentServiceProcess.url() + "/api/incidents"), apiKey,
                null);
        assertEquals(401, asKey.statusCode(), "an API key is for the gateway, not for a service");
    }

    @Test
    void theVerifyContractTakesOnlyAServiceTokenAndAnswersKeyUserAndScopes() throws Exception {
        JsonObject user = newUser();
        JsonObject issued = issue(user, Scopes.INCIDENTS, Scopes.PAYMENTS);
        String body = new JsonObject().put("apiKey", issued.getString("apiKey")).encode();
        URI verify = URI.create(IncidentServiceProcess.url() + "/internal/keys/verify");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(verify)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(verify)
                .header("Content-Type", "application/json").header("Authorization", tokens.serviceAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject verified = new JsonObject(answer.body());
        assertEquals(issued.getLong("keyId"), verified.getLong("keyId"));
        assertEquals(user.getLong("id"), verified.getLong("userId"));
        assertEquals(new JsonArray(List.of(Scopes.INCIDENTS, Scopes.PAYMENTS)), verified.getJsonArray("scopes"));
    }

    @Test
    void aChildKeyIsRevokedWithItsParentAndBothAreRefusedWithinFiveSeconds() throws Exception {
        JsonObject user = newUser();
        JsonObject parent = issue(user, Scopes.INCIDENTS, Scopes.KEYS_MANAGE);
        String parentKey = parent.getString("apiKey");

        HttpResponse<String> minted = send("POST", gateway("/api/keys"), parentKey,
                "{\"name\":\"child\",\"scopes\":[\"incidents\"]}");
        assertEquals(201, minted.statusCode(), minted.body());
        assertEquals("no-store", minted.headers().firstValue("Cache-Control").orElse(null));
        JsonObject child = new JsonObject(minted.body());
        assertEquals(parent.getLong("keyId"), child.getLong("parentKeyId"));
        String childKey = child.getString("apiKey");
        assertEquals(200, send("GET", gateway("/api/incidents"), childKey, null).statusCode());
        assertEquals(403, send("POST", gateway("/api/keys"), childKey, "{\"name\":\"grandchild\"}").statusCode(),
                "the child did not get keys:manage");

        IncidentServiceProcess.ops("api", "revoke", String.valueOf(parent.getLong("keyId")), "--user-id",
                String.valueOf(user.getLong("id")), "--json");
        long revokedAt = System.nanoTime();
        long childRefusedAfter = untilRefused(childKey, revokedAt);
        long parentRefusedAfter = untilRefused(parentKey, revokedAt);
        System.out.printf("revocation through the gateway: child refused after %d ms, parent after %d ms%n",
                childRefusedAfter, parentRefusedAfter);
        assertTrue(childRefusedAfter <= REVOCATION_BOUND_MS, "child refused after " + childRefusedAfter + " ms");
        assertTrue(parentRefusedAfter <= REVOCATION_BOUND_MS, "parent refused after " + parentRefusedAfter + " ms");
    }

    /** Asks every 100 ms until the key is refused (401); how long after {@code since} that was. */
    private long untilRefused(String apiKey, long since) throws Exception {
        long deadline = since + Duration.ofMillis(REVOCATION_BOUND_MS * 3).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", gateway("/api/incidents"), apiKey, null);
            if (response.statusCode() == 401) {
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            }
            assertEquals(200, response.statusCode(), response.body());
            Thread.sleep(100);
        }
        throw new AssertionError("the revoked key still works " + Duration.ofNanos(System.nanoTime() - since)
                .toMillis() + " ms later");
    }

    private static JsonObject newUser() {
        return json(IncidentServiceProcess.ops("user", "create", "--email", "contract-" + UUID.randomUUID()
                + "@example.com", "--name", "Contract Test", "--json"));
    }

    private static JsonObject issue(JsonObject user, String... scopes) {
        List<String> args = new java.util.ArrayList<>(List.of("api", "create", "--user-id",
                String.valueOf(user.getLong("id")), "--name", "contract", "--json"));
        for (String scope : scopes) {
            args.add("--scope");
            args.add(scope);
        }
        JsonObject issued = json(IncidentServiceProcess.ops(args.toArray(String[]::new)));
        assertNotNull(issued.getString("apiKey"));
        assertFalse(issued.getString("apiKey").isBlank());
        return issued;
    }

    private static JsonObject json(String stdout) {
        return new JsonObject(stdout.strip()); // stdout is exactly one JSON document
    }

    private URI gateway(String path) throws Exception {
        return gateway.toURI().resolve(path.substring(1));
    }

    private HttpResponse<String> send(String method, URI uri, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
