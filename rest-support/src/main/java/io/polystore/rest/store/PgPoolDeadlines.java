package io.polystore.rest.store;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;

/**
 * Creates the PostgreSQL pool with an acquisition timeout and a bounded wait queue ({@link StoreConfig}). Not a bean
 * here (the chassis does not know which client a service has): a PostgreSQL service activates it with one line,
 * {@code @Singleton class PoolDeadlines extends PgPoolDeadlines { PoolDeadlines(StoreConfig c) { super(c); } }}.
 */
public abstract class PgPoolDeadlines implements PgPoolCreator {

    private final StoreConfig config;

    protected PgPoolDeadlines(StoreConfig config) {
        this.config = config;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Pool create(Input input) {
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(),
                SqlPoolDeadlines.apply(input.poolOptions(), config));
    }
}
