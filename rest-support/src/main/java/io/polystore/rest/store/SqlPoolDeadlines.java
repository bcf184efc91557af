package io.polystore.rest.store;

import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The pool options Quarkus does not expose for reactive SQL pools: how long a request waits for a connection
 * ({@link StoreConfig#acquireTimeout()}, Vert.x' default is 30 s) and how many may wait
 * ({@link StoreConfig#maxWaitQueue()}, unbounded by default). Applied by {@link PgPoolDeadlines} and
 * {@link MySqlPoolDeadlines}.
 */
final class SqlPoolDeadlines {

    private SqlPoolDeadlines() {
    }

    static PoolOptions apply(PoolOptions options, StoreConfig config) {
        return new PoolOptions(options)
                .setConnectionTimeout(Math.toIntExact(Math.max(1, config.acquireTimeout().toMillis())))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.maxWaitQueue());
    }
}
