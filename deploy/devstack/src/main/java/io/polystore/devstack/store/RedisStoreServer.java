package io.polystore.devstack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Redis 6.2 from embedded-redis, with an append-only file so a restarted server keeps its keys, and the memory policy
 * {@code noeviction}: a full Redis refuses writes (an error the services answer with 503) instead of silently evicting
 * keys. Under an evicting policy such as the seed's {@code allkeys-lru}, Redis would drop hot sessions before
 * session-service archived them (and the gateway's rate-limit windows with them), which "never lost" forbids; see
 * session-service's README, "Redis memory policy".
 */
public final class RedisStoreServer implements StoreServer {

    private final RedisServer redis;
    private final int port;

    private RedisStoreServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    public static RedisStoreServer start(int port, Path dataDir) {
        try {
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .build();
            redis.start();
            return new RedisStoreServer(redis, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop", e);
        }
    }
}
