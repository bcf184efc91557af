package io.polystore.catalog.stats;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.catalog.config.CatalogConfig;
import io.polystore.catalog.product.ProductType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The catalog's size as gauges: {@code catalog_nodes{label}} (products per type label) and
 * {@code catalog_relationships} ({@code COMPATIBLE_WITH} relationships). Recounted every
 * {@code CATALOG_METRICS_REFRESH} (count-store reads, cheap at any size) by a timer, asynchronously, so a scrape never
 * waits for Neo4j. The gauges appear after the first successful count, so an alert on "catalog empty" never fires on a
 * value the service never read; while Neo4j is unreachable they keep the last count.
 */
@ApplicationScoped
public class CatalogMetrics {

    public static final String NODES = "catalog_nodes";
    public static final String RELATIONSHIPS = "catalog_relationships";
    private static final Logger LOG = Logger.getLogger(CatalogMetrics.class);

    private final CatalogStats stats;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> nodes = new ConcurrentHashMap<>();
    private final AtomicLong relationships = new AtomicLong();
    private volatile boolean registered;
    private Long timer;

    CatalogMetrics(CatalogStats stats, MeterRegistry registry) {
        this.stats = stats;
        this.registry = registry;
    }

    /** After {@code CatalogStartup} (default priority): the first count sees the migrated, maybe imported, catalog. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event, Vertx vertx,
            CatalogConfig config) {
        Duration every = config.catalog().metricsRefresh();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        refresh();
        timer = vertx.setPeriodic(every.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** Recounts now; the gauges change when the answer arrives. */
    public void refresh() {
        stats.counts().subscribe().with(this::update,
                failure -> LOG.debugf("catalog counts not refreshed: %s", failure.getMessage()));
    }

    private synchronized void update(CatalogStats.Counts counts) {
        for (ProductType type : ProductType.values()) {
            nodes.computeIfAbsent(type.label(), label -> new AtomicLong())
                    .set(counts.nodes().getOrDefault(type.label(), 0L));
        }
        relationships.set(counts.relationships().getOrDefault(CatalogStats.RELATIONSHIP, 0L));
        if (!registered) {
            nodes.forEach((label, count) -> Gauge.builder(NODES, count, AtomicLong::get)
                    .description("Products in the catalog, by type label").tag("label", label).register(registry));
            Gauge.builder(RELATIONSHIPS, relationships, AtomicLong::get)
                    .description("COMPATIBLE_WITH relationships in the catalog").register(registry);
            registered = true;
        }
    }
}
