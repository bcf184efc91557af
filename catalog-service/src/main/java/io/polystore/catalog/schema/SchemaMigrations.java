package io.polystore.catalog.schema;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * Applies the Cypher migrations under {@code classpath:neo4j/migrations} ({@code V<version>__<description>.cypher})
 * when the service starts, as Flyway does for the SQL services. neo4j-migrations records what it applied as
 * {@code :__Neo4jMigration} nodes and takes a lock, so several instances can start at once.
 *
 * <p>
 * The library is blocking: it runs here, on the main thread during start-up, never on an event loop. If Neo4j cannot be
 * reached or a migration fails, the service does not start.
 */
@ApplicationScoped
public class SchemaMigrations {

    static final String LOCATION = "classpath:neo4j/migrations";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    void migrateAtStart(@Observes StartupEvent event, Driver driver,
            @ConfigProperty(name = "catalog.migrate-at-start") boolean migrateAtStart) {
        if (!migrateAtStart) {
            LOG.info("Neo4j schema migrations skipped (catalog.migrate-at-start=false)");
            return;
        }
        MigrationsConfig config = MigrationsConfig.builder()
                .withLocationsToScan(LOCATION)
                .build();
        new Migrations(config, driver).apply()
                .ifPresentOrElse(version -> LOG.infof("Neo4j schema at version %s", version.getValue()),
                        () -> LOG.info("Neo4j schema: no migration applied"));
    }
}
