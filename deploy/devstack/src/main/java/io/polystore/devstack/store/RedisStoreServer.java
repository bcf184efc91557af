package io.polystore.devstack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** Redis 6.2 from embedded-redis, with an append-only file so a restarted server keeps its keys. */
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
