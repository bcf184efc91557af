package io.polystore.rest.health;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready when the service's database answers {@code SELECT 1} within the readiness deadline. A service declares
 * {@code @Readiness class MySqlReadinessCheck extends SqlReadinessCheck} with the store's name
 * ({@code mysql-incidents}, {@code postgresql}, ...), the name the gateway's aggregated {@code /health} reports.
 */
public abstract class SqlReadinessCheck extends StoreReadinessCheck {

    private final Pool pool;

    protected SqlReadinessCheck(String name, Pool pool) {
        super(name);
        this.pool = pool;
    }

    @Override
    protected Uni<?> ping() {
        return pool.query("SELECT 1").execute();
    }
}
