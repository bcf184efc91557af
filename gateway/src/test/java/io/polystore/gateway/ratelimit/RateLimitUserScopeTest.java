package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.fake.FakeKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RATE_LIMIT_SCOPE=user: every key of one user counts in one window, so minting keys adds no allowance. */
@QuarkusTest
@TestProfile(RateLimitUserScopeTest.PerUser.class)
class RateLimitUserScopeTest {

    static final String NAMESPACE = "gateway:";

    public static class PerUser implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.scope", "user", "gateway.rate-limit.requests", "4",
                    "gateway.upstream.timeout", "10s");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    RedisDataSource redis;

    @Test
    void twoKeysOfOneUserShareOneWindowAndOtherUsersKeepTheirs() {
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key first = FakeKeys.issue("first");
        FakeKeys.Key sibling = FakeKeys.issueSibling(first, "minted");
        FakeKeys.Key stranger = FakeKeys.issue("another user");

        assertEquals(4, GatewayClient.number(admitted(gateway, first), "X-RateLimit-Limit"));
        admitted(gateway, sibling);
        admitted(gateway, first);
        HttpResponse<String> last = admitted(gateway, sibling);
        assertEquals(0, GatewayClient.number(last, "X-RateLimit-Remaining"), "four requests of one user in one window");

        assertEquals(429, gateway.get("/api/catalog", "X-API-Key", first.apiKey()).statusCode());
        assertEquals(429, gateway.get("/api/catalog", "X-API-Key", sibling.apiKey()).statusCode(),
                "a second key of the same user gets no allowance of its own");
        assertEquals(200, gateway.get("/api/catalog", "X-API-Key", stranger.apiKey()).statusCode());

        assertEquals("4", redis.execute("HGET", RateLimitKeys.window(NAMESPACE,
                RateLimitKeys.windowSubject(first.keyId(), first.userId(), GatewayConfig.Scope.USER)), "count")
                .toString());
    }

    private static HttpResponse<String> admitted(GatewayClient gateway, FakeKeys.Key key) {
        HttpResponse<String> response = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
