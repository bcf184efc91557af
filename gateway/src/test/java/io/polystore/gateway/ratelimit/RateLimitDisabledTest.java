package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RATE_LIMIT=false: keys are still checked, Redis is never asked, responses carry no limits. */
@QuarkusTest
@TestProfile(RateLimitDisabledTest.Disabled.class)
class RateLimitDisabledTest {

    public static class Disabled implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // a first request after boot on a busy machine may take a while
            return Map.of("gateway.rate-limit.enabled", "false", "gateway.upstream.timeout", "10s");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    RedisDataSource redis;

    @Test
    void requestsPassWithoutRedisAndWithoutHeaders() {
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key key = FakeKeys.issue("unlimited");
        long evalsBefore = evalshaCalls();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("X-RateLimit-Limit").isEmpty());
            assertTrue(new JsonObject(response.body()).getJsonObject("headers").getString("authorization")
                    .startsWith("Bearer "), "the service gets the gateway's token");
        }
        assertEquals(401, gateway.get("/api/catalog").statusCode(), "authentication stays on");
        assertEquals(evalsBefore, evalshaCalls());
    }

    long evalshaCalls() {
        return redis.execute("INFO", "commandstats").toString().lines()
                .filter(line -> line.startsWith("cmdstat_evalsha:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*", "$1")))
                .sum();
    }
}
