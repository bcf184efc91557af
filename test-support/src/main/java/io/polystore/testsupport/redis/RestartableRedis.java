package io.polystore.testsupport.redis;

import io.polystore.devstack.store.FreePort;
import io.polystore.devstack.store.RedisStoreServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Redis of its own for outage tests: stopped and started again on the same port and data directory (append-only file:
 * the restarted server still holds every entry written before the outage, the case a stale read would come from), as an
 * outage and a recovery look to the service. The shared test Redis stays untouched.
 */
public class RestartableRedis implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static Path dataDir;
    private static RedisStoreServer server;

    @Override
    public synchronized Map<String, String> start() {
        port = FreePort.find();
        try {
            dataDir = Files.createTempDirectory("outage-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }

    @Override
    public synchronized void stop() {
        stopServer();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static synchronized void startServer() {
        if (server == null) {
            server = RedisStoreServer.start(port, dataDir);
        }
    }
}
