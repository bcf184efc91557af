package io.polystore.payment.cache;

import static io.polystore.payment.Payers.payment;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.MariaDbTestResource;
import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A "Redis" that accepts connections and never answers (a hung server, a black-holed network): every call runs into
 * CACHE_REDIS_DEADLINE and the request is served from MySQL; nothing fails.
 */
@QuarkusTest
@TestProfile(RedisUnresponsiveTest.SilentRedis.class)
class RedisUnresponsiveTest {

    public static class SilentRedis implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cache.redis-deadline", "PT0.05S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(MariaDbTestResource.class, Map.of("database", "payments")),
                    new TestResourceEntry(Silent.class));
        }
    }

    /** Accepts and holds every connection, reads nothing, answers nothing. */
    public static class Silent implements QuarkusTestResourceLifecycleManager {

        private ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void stop() {
            try {
                server.close();
                synchronized (held) {
                    for (Socket socket : held) {
                        socket.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    Payers payers;

    @Inject
    MeterRegistry registry;

    @Test
    void everyRequestIsServedFromTheDatabase() {
        CacheMeters meters = new CacheMeters(registry);
        Payer payer = payers.next();
        double bypasses = meters.requests("bypass");
        String id = payer.request().body(payment(Map.of())).post("/api/payments").then().statusCode(201).extract()
                .path("id");
        for (int i = 0; i < 5; i++) {
            payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(1));
            payer.request().get("/api/payments/" + id).then().statusCode(200);
        }
        assertTrue(meters.requests("bypass") >= bypasses + 10, "every read bypassed");
        assertTrue(meters.invalidationFailures() >= 1, "the create's invalidation timed out");
    }
}
