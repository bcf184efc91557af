package io.polystore.catalog.schema;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import io.polystore.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * Applies the Cypher migrations under {@code classpath:neo4j/migrations} ({@code V<version>__<description>.cypher})
 * when the service starts, as Flyway does for the SQL services. neo4j-migrations records what it applied as
 * {@code :__Neo4jMigration} nodes and takes a lock, so several instances can start at once.
 *
 * <p>
 * The library is blocking: it runs here, on the main thread during start-up, never on an event loop. Neo4j may still be
 * starting (or the machine busy), so the service waits for it up to {@code catalog.startup-wait}
 * ({@code CATALOG_STARTUP_WAIT}); if Neo4j cannot be reached by then, or a migration fails, the service does not start.
 * <p>
 * Hand-run rather than neo4j-migrations' Quarkus extension: {@code eu.michael-simons.neo4j:neo4j-migrations-quarkus}
 * 2.18.x/2.19.0 do not resolve here (their parent POM, {@code neo4j-migrations-quarkus-parent}, is not served) and
 * 2.19.1 is not served at all. Revisit when it resolves.
 */
@ApplicationScoped
public class SchemaMigrations {

    static final String LOCATION = "classpath:neo4j/migrations";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    void migrateAtStart(@Observes StartupEvent event, Driver driver, CatalogConfig catalog)
            throws InterruptedException {
        Duration startupWait = catalog.catalog().startupWait();
        if (!catalog.catalog().migrateAtStart()) {
            LOG.info("Neo4j schema migrations skipped (catalog.migrate-at-start=false)");
            return;
        }
        awaitNeo4j(driver, startupWait);
        MigrationsConfig config = MigrationsConfig.builder()
                .withLocationsToScan(LOCATION)
                .build();
        new Migrations(config, driver).apply()
                .ifPresentOrElse(version -> LOG.infof("Neo4j schema at version %s", version.getValue()),
                        () -> LOG.info("Neo4j schema: no migration applied"));
    }

    private static void awaitNeo4j(Driver driver, Duration startupWait) throws InterruptedException {
        long deadline = System.nanoTime() + startupWait.toNanos();
        while (true) {
            try {
                driver.verifyConnectivity();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.infof("waiting for Neo4j: %s", e.getMessage());
                Thread.sleep(1000);
            }
        }
    }
}
