package io.polystore.catalog.health;

import io.polystore.rest.health.StoreReadinessCheck;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.Readiness;
import org.neo4j.driver.Driver;

/**
 * Ready when the driver reaches Neo4j (a connection from the pool, or a new one, answers) within the chassis' readiness
 * deadline. Named after the store, as the gateway's aggregated {@code /health} reports it.
 */
@Readiness
public class Neo4jReadinessCheck extends StoreReadinessCheck {

    public static final String NAME = "neo4j";

    private final Driver driver;

    Neo4jReadinessCheck(Driver driver) {
        super(NAME);
        this.driver = driver;
    }

    @Override
    protected Uni<?> ping() {
        return Uni.createFrom().completionStage(driver::verifyConnectivityAsync);
    }
}
