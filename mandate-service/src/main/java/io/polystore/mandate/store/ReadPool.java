package io.polystore.mandate.store;

import io.polystore.mandate.config.DatabaseUrl;
import io.polystore.mandate.config.MandateConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The read replica's pool, when {@code READ_DB_URL} names one (the seed's read/write split): user and password default
 * to the primary's. Without it every read goes to the primary. Sized as the primary ({@code DB_POOL_SIZE}), with the
 * chassis' acquisition timeout, so a replica that hangs answers 503 as the primary would.
 */
@Singleton
public class ReadPool {

    private final Optional<Pool> pool;

    ReadPool(MandateConfig config, Vertx vertx, io.polystore.rest.store.StoreConfig store) {
        this.pool = config.readDbUrl().filter(url -> !url.isBlank()).map(value -> {
            DatabaseUrl url = DatabaseUrl.parse(value, "READ_DB_URL");
            PgConnectOptions connect = new PgConnectOptions().setHost(url.host()).setPort(url.port())
                    .setDatabase(url.database())
                    .setUser(url.user() != null ? url.user() : config.postgres().user())
                    .setPassword(url.password() != null ? url.password() : config.postgres().password().orElse(""));
            if (url.sslMode() != null) {
                connect.setSslMode(SslMode.of(url.sslMode()));
            }
            PoolOptions options = new PoolOptions().setMaxSize(config.db().poolSize())
                    .setConnectionTimeout((int) store.acquireTimeout().toMillis())
                    .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setMaxWaitQueueSize(store.maxWaitQueue())
                    .setName("read-replica");
            return PgPool.pool(vertx, connect, options);
        });
    }

    public Optional<Pool> pool() {
        return pool;
    }

    void close(@Observes ShutdownEvent event) {
        pool.ifPresent(Pool::closeAndAwait);
    }
}
