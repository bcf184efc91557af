package io.polystore.session.health;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.store.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A Redis server of its own that requires a password, configured the way operators do: {@code REDIS_HOST},
 * {@code REDIS_PORT}, {@code REDIS_PASSWORD} (here as the properties they map onto).
 */
public class PasswordProtectedRedis implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "s3cret-for-tests";
    static volatile int port;

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        port = FreePort.find();
        try {
            Path dir = Files.createTempDirectory("polystore-test-redis-auth");
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("save \"\"")
                    .setting("requirepass " + PASSWORD)
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("redis.host", "127.0.0.1", "redis.port", String.valueOf(port), "redis.password", PASSWORD);
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

    /** Only this server: the JVM-wide password-less one stays out of this profile. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(PasswordProtectedRedis.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
