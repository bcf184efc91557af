package io.polystore.catalog.transfer;

import io.polystore.catalog.graph.Graph;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;
import org.neo4j.driver.async.ResultCursor;

/**
 * The committed sample catalog ({@value #RESOURCE}, written by {@link CatalogGenerator} with {@link #SEED} and
 * {@link #PRODUCTS}), imported once into an empty catalog so that a new installation shows products at once.
 *
 * <p>
 * "Once": an instance first claims the import by MERGE-ing the {@code (:__CatalogSample {name: 'sample'})} marker (its
 * name is unique, so of two instances starting at once exactly one creates it and claims it), imports, then stamps
 * {@code imported_at}. A catalog that is not empty is never touched, and a stamped marker means the sample was imported
 * before: a catalog an operator emptied stays empty. A claim older than {@link #STALE_CLAIM} without a stamp (its
 * instance died while importing) may be taken over; the import is an idempotent upsert, so finishing it twice is
 * harmless.
 */
@ApplicationScoped
public class SampleCatalog {

    public static final String RESOURCE = "catalog/sample-catalog.jsonl";
    public static final long SEED = 20261130L;
    public static final int PRODUCTS = 360;
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(SampleCatalog.class);

    public enum Outcome {
        /** This call imported the sample. */
        IMPORTED,
        /** The catalog has products: nothing done. */
        NOT_EMPTY,
        /** The sample was imported before (the catalog was emptied since): nothing done. */
        IMPORTED_BEFORE,
        /** Another instance is importing it right now. */
        CLAIMED_ELSEWHERE
    }

    private final Graph graph;
    private final CatalogImporter importer;
    private final Clock clock;

    SampleCatalog(Graph graph, CatalogImporter importer, Clock clock) {
        this.graph = graph;
        this.importer = importer;
        this.clock = clock;
    }

    /** Reads the committed sample (blocking: call it from start-up or a command, not from an event loop). */
    public static CatalogFile read() {
        try (InputStream in = SampleCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return CatalogFile.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports {@code sample} if the catalog is empty and the sample was never imported; {@code instance} claims it. */
    public Uni<Outcome> importIfEmpty(CatalogFile sample, String instance) {
        return graph.read(tx -> tx.runAsync("MATCH (p:Product) RETURN count(p) > 0 AS any")
                .thenCompose(ResultCursor::singleAsync))
                .flatMap(record -> record.get("any").asBoolean()
                        ? Uni.createFrom().item(Outcome.NOT_EMPTY)
                        : claimAndImport(sample, instance));
    }

    private Uni<Outcome> claimAndImport(CatalogFile sample, String instance) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String claim = "MERGE (m:__CatalogSample {name: 'sample'}) "
                + "ON CREATE SET m.claimed_by = $instance, m.claimed_at = $now "
                + "WITH m, m.imported_at IS NULL AND m.claimed_by <> $instance AND m.claimed_at < $stale AS takeOver "
                + "SET m.claimed_by = CASE WHEN takeOver THEN $instance ELSE m.claimed_by END, "
                + "m.claimed_at = CASE WHEN takeOver THEN $now ELSE m.claimed_at END "
                + "RETURN m.claimed_by = $instance AS mine, m.imported_at IS NOT NULL AS done";
        Map<String, Object> parameters = Map.of("instance", instance, "now", now, "stale", now.minus(STALE_CLAIM));
        return graph.bulkWrite(tx -> tx.runAsync(claim, parameters).thenCompose(ResultCursor::singleAsync))
                .flatMap(record -> {
                    if (record.get("done").asBoolean()) {
                        return Uni.createFrom().item(Outcome.IMPORTED_BEFORE);
                    }
                    if (!record.get("mine").asBoolean()) {
                        return Uni.createFrom().item(Outcome.CLAIMED_ELSEWHERE);
                    }
                    return importer.load(sample, false).flatMap(report -> {
                        if (!report.written()) {
                            throw new IllegalStateException("the sample catalog is invalid: " + report.errors());
                        }
                        LOG.infof("sample catalog imported: %d products, %d compatibilities", report.products(),
                                report.compatibilities());
                        return graph.bulkWrite(tx -> tx.runAsync(
                                "MATCH (m:__CatalogSample {name: 'sample'}) SET m.imported_at = $now",
                                Map.of("now", clock.instant().atOffset(ZoneOffset.UTC)))
                                .thenCompose(ResultCursor::consumeAsync))
                                .replaceWith(Outcome.IMPORTED);
                    });
                });
    }
}
