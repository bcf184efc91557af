package io.polystore.catalog;

import io.polystore.catalog.config.CatalogConfig;
import io.polystore.catalog.schema.SchemaMigrations;
import io.polystore.catalog.transfer.SampleCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the service does before it serves, on the main thread (blocking is fine here, never on an event loop): wait for
 * Neo4j up to {@code CATALOG_STARTUP_WAIT}, apply the schema migrations ({@code CATALOG_MIGRATE_AT_START}), and with
 * {@code CATALOG_IMPORT_SAMPLE_AT_START} import the sample catalog into an empty catalog, once. A migration that fails,
 * or Neo4j not answering in time, stops the start; a sample import that fails is logged and the service serves anyway.
 */
@ApplicationScoped
public class CatalogStartup {

    private static final Logger LOG = Logger.getLogger(CatalogStartup.class);
    private static final Duration SAMPLE_IMPORT_WAIT = Duration.ofMinutes(5);

    void onStart(@Observes StartupEvent event, SchemaMigrations migrations, SampleCatalog sample,
            CatalogConfig config) throws InterruptedException {
        CatalogConfig.Catalog catalog = config.catalog();
        if (!catalog.migrateAtStart()) {
            LOG.info("Neo4j schema migrations skipped (catalog.migrate-at-start=false)");
        } else {
            migrations.awaitNeo4j(catalog.startupWait());
            migrations.migrate();
        }
        if (catalog.importSampleAtStart()) {
            try {
                SampleCatalog.Outcome outcome = sample
                        .importIfEmpty(SampleCatalog.read(), UUID.randomUUID().toString())
                        .await().atMost(SAMPLE_IMPORT_WAIT);
                LOG.infof("sample catalog at start-up: %s", outcome);
            } catch (RuntimeException e) {
                LOG.warnf(e, "the sample catalog could not be imported; the service runs without it");
            }
        }
    }
}
