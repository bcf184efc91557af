package io.polystore.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.GatewayClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code gateway.auth.enabled=false} (measurements only): requests pass without a key, but nobody can claim an
 * identity, and nothing is rate limited.
 */
@QuarkusTest
@TestProfile(AuthenticationDisabledTest.Off.class)
class AuthenticationDisabledTest {

    public static class Off implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // a first request after boot on a busy machine may take a while
            return Map.of("gateway.auth.enabled", "false", "gateway.upstream.timeout", "10s");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void requestsPassWithoutIdentity() {
        HttpResponse<String> response = new GatewayClient(url).get("/api/catalog/1", "X-Polystore-User-Id", "1");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject seen = new JsonObject(response.body()).getJsonObject("headers");
        assertNull(seen.getString("x-polystore-user-id"), "a claimed identity is still dropped");
        assertTrue(response.headers().firstValue("X-RateLimit-Limit").isEmpty());
    }
}
