package io.polystore.rest.store;

import io.quarkus.reactive.mysql.client.MySQLPoolCreator;
import io.vertx.mysqlclient.MySQLPool;
import io.vertx.sqlclient.Pool;

/**
 * Creates the MySQL/MariaDB pool with an acquisition timeout and a bounded wait queue ({@link StoreConfig}). Not a bean
 * here (the chassis does not know which client a service has): a MySQL service activates it with one line,
 * {@code @Singleton class PoolDeadlines extends MySqlPoolDeadlines { PoolDeadlines(StoreConfig c) { super(c); } }}.
 */
public abstract class MySqlPoolDeadlines implements MySQLPoolCreator {

    private final StoreConfig config;

    protected MySqlPoolDeadlines(StoreConfig config) {
        this.config = config;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Pool create(Input input) {
        return MySQLPool.pool(input.vertx(), input.mySQLConnectOptionsList(),
                SqlPoolDeadlines.apply(input.poolOptions(), config));
    }
}
