package io.polystore.gateway.ratelimit;

import io.polystore.devstack.store.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import redis.embedded.RedisServer;

/** A Redis of its own that requires a password; the gateway is pointed at its database 3. */
public class PasswordRedis implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "s3cret-for-the-limiter";
    static final int DATABASE = 3;
    static int port;
    private RedisServer server;

    @Override
    public Map<String, String> start() {
        port = FreePort.find();
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("requirepass " + PASSWORD)
                    .setting("save \"\"").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port + "/" + DATABASE,
                "quarkus.redis.password", PASSWORD);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
