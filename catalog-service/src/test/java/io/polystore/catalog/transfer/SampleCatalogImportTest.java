package io.polystore.catalog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.catalog.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/** The first-start import of the sample: into an empty catalog only, once, by one of several instances. */
@QuarkusTest
class SampleCatalogImportTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Inject
    SampleCatalog sample;

    @Inject
    TestCatalog catalog;

    @Inject
    Driver driver;

    @Test
    void twoInstancesStartingAtOnceImportItOnceAndNeverAgain() {
        catalog.wipe();
        run("MATCH (m:__CatalogSample) DELETE m");
        CatalogFile file = SampleCatalog.read();

        CompletableFuture<SampleCatalog.Outcome> first = sample.importIfEmpty(file, "instance-a")
                .subscribeAsCompletionStage();
        CompletableFuture<SampleCatalog.Outcome> second = sample.importIfEmpty(file, "instance-b")
                .subscribeAsCompletionStage();
        List<SampleCatalog.Outcome> outcomes = Stream.of(first, second).map(CompletableFuture::join).sorted().toList();
        assertEquals(SampleCatalog.Outcome.IMPORTED, outcomes.get(0));
        assertEquals(1, outcomes.stream().filter(o -> o == SampleCatalog.Outcome.IMPORTED).count(),
                outcomes.toString());
        assertEquals((long) file.products().size(), catalog.counts().nodes().get("Product"));
        assertEquals((long) file.compatibilities().size(), catalog.counts().relationships().get("COMPATIBLE_WITH"));

        assertEquals(SampleCatalog.Outcome.NOT_EMPTY, sample.importIfEmpty(file, "instance-c").await().atMost(WAIT));
        catalog.wipe();
        assertEquals(SampleCatalog.Outcome.IMPORTED_BEFORE,
                sample.importIfEmpty(file, "instance-d").await().atMost(WAIT));
        assertEquals(0L, catalog.counts().nodes().get("Product"), "an emptied catalog stays empty");
    }

    private void run(String query) {
        try (Session session = driver.session()) {
            session.run(query, Map.of()).consume();
        }
    }
}
