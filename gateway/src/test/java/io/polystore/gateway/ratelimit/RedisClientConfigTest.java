package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limiter connects with Quarkus' own Redis client configuration ({@code quarkus.redis.*}): here a Redis that
 * requires a password, and database 3 named in the URL. Before, the limiter read only the first host and the password
 * property itself, and knew nothing of TLS or any other client setting.
 */
@QuarkusTest
@TestProfile(RedisClientConfigTest.WithPassword.class)
class RedisClientConfigTest {

    public static class WithPassword implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(FakeServices.class), new TestResourceEntry(PasswordRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // a client setting the old limiter ignored: Quarkus names its connections
            return Map.of("quarkus.redis.configure-client-name", "true", "quarkus.redis.client-name", "polystore-gw");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    RedisDataSource redis;

    @Inject
    QuarkusRedisOptions quarkusOptions;

    @Test
    void theLimiterUsesQuarkusRedisClientConfiguration() throws Exception {
        FakeServices.allUp();
        GatewayClient gateway = new GatewayClient(url);
        FakeKeys.Key key = FakeKeys.issue("db3");
        // Written by the ops path (Quarkus' client): database 3, with the password.
        redis.execute("HSET", RateLimitKeys.limit("gateway:", key.keyId()), "requests", "1", "window", "600");
        HttpResponse<String> first = gateway.get("/api/catalog", "X-API-Key", key.apiKey());
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, GatewayClient.number(first, "X-RateLimit-Limit"), "the limiter read the custom limit");
        assertEquals(429, gateway.get("/api/catalog", "X-API-Key", key.apiKey()).statusCode());
        assertEquals(0, gateway.metric("gateway_ratelimit_decisions_total", "result", "fail_open"));

        String window = RateLimitKeys.window("gateway:", key.keyId());
        assertEquals(1, redis.execute("EXISTS", window).toLong(), "the window is in database 3");
        assertEquals("0", raw("SELECT", "0", "EXISTS", window), "and not in database 0");
        // Every connection carries Quarkus' client name: the limiter's too (the old one connected unnamed).
        String clients = redis.execute("CLIENT", "LIST").toString();
        assertTrue(clients.lines().count() >= 2, clients);
        assertTrue(clients.lines().allMatch(client -> client.contains(" name=polystore-gw ")), clients);

        RedisOptions captured = quarkusOptions.defaultClient();
        assertEquals(PasswordRedis.PASSWORD, captured.getPassword());
        RedisOptions link = new RedisRateLimiter(quarkusOptions::defaultClient, 1, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(200)).linkOptions("gateway-ratelimit-x");
        assertEquals(captured.getEndpoints(), link.getEndpoints());
        assertEquals(1, link.getMaxPoolSize());
        assertNotSame(captured.getNetClientOptions(), link.getNetClientOptions());
    }

    /** One command after AUTH on a connection of its own, the reply's first line (a number for EXISTS). */
    static String raw(String select, String database, String... command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", PasswordRedis.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(resp("AUTH", PasswordRedis.PASSWORD));
            out.write(resp(select, database));
            out.write(resp(command));
            InputStream in = socket.getInputStream();
            String[] lines = {line(in), line(in), line(in)};
            assertEquals("+OK", lines[0]);
            assertEquals("+OK", lines[1]);
            return lines[2].substring(1);
        }
    }

    static byte[] resp(String... args) {
        StringBuilder out = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            out.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
