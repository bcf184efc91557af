package io.polystore.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a limiter link connects with: the configured client's options, with the limiter's own pool settings. */
class RedisRateLimiterOptionsTest {

    @Test
    void tlsPasswordDatabaseAndTcpSettingsCarryOverPoolSettingsAreTheLimiters() {
        NetClientOptions net = new NetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer("-----BEGIN CERTIFICATE-----")))
                .setConnectTimeout(30_000).setReceiveBufferSize(65536);
        RedisOptions base = new RedisOptions().setType(RedisClientType.STANDALONE)
                .setConnectionString("rediss://redis.internal:6380/4").setPassword("pw").setMaxPoolSize(6)
                .setPoolRecycleTimeout(15_000).setNetClientOptions(net);
        RedisRateLimiter limiter = new RedisRateLimiter(() -> base, 100, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofMillis(200));

        RedisOptions link = limiter.linkOptions("gateway-ratelimit-3");

        assertEquals(base.getEndpoints(), link.getEndpoints(), "hosts (and the database in the URL)");
        assertEquals("pw", link.getPassword());
        NetClientOptions linkNet = link.getNetClientOptions();
        assertNotSame(net, linkNet, "copied: the Quarkus client's own options stay as they are");
        assertTrue(linkNet.isSsl());
        assertEquals("HTTPS", linkNet.getHostnameVerificationAlgorithm());
        assertTrue(linkNet.getTrustOptions() instanceof PemTrustOptions);
        assertEquals(65536, linkNet.getReceiveBufferSize());
        assertEquals(1_000, linkNet.getConnectTimeout(), "a connect attempt is no longer than a decision may wait");
        assertEquals("redis|gateway-ratelimit-3", linkNet.getMetricsName());
        assertEquals(1, link.getMaxPoolSize());
        assertEquals(-1, link.getPoolRecycleTimeout());
        assertEquals("gateway-ratelimit-3", link.getPoolName());
        assertEquals(30_000, net.getConnectTimeout());
        assertEquals(6, base.getMaxPoolSize());
        assertSame(net, base.getNetClientOptions());
    }
}
