package io.polystore.catalog;

import io.polystore.catalog.product.ProductRepository;
import io.polystore.catalog.stats.CatalogStats;
import io.polystore.catalog.transfer.CatalogFile;
import io.polystore.catalog.transfer.CatalogImporter;
import io.polystore.catalog.transfer.ImportReport;
import io.polystore.catalog.transfer.SampleCatalog;
import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The test's catalog: emptied, filled from lines or with the sample, through the real importer; and callers signed as
 * the gateway signs them. Test classes share one Neo4j, one after another: a class that needs a known catalog sets it
 * up itself.
 */
@ApplicationScoped
public class TestCatalog {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final CatalogImporter importer;
    private final ProductRepository products;
    private final CatalogStats stats;
    private final IdentitySigner signer;

    TestCatalog(CatalogImporter importer, ProductRepository products, CatalogStats stats, IdentityConfig identity) {
        this.importer = importer;
        this.products = products;
        this.stats = stats;
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    public void wipe() {
        while (products.deleteSome(10_000).await().atMost(WAIT) > 0) {
            // next batch
        }
    }

    /** Empties the catalog and imports the committed sample. */
    public void resetToSample() {
        wipe();
        ImportReport report = importer.load(SampleCatalog.read(), false).await().atMost(WAIT);
        if (!report.written()) {
            throw new IllegalStateException("sample not imported: " + report.errors());
        }
    }

    public ImportReport load(boolean dryRun, String... lines) {
        try {
            CatalogFile file = CatalogFile.read(new BufferedReader(new StringReader(String.join("\n", lines))));
            return importer.load(file, dryRun).await().atMost(WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CatalogStats.Counts counts() {
        return stats.counts().await().atMost(WAIT);
    }

    /** A request as the gateway forwards it for a key with scope {@code catalog}. */
    public RequestSpecification caller() {
        return callerWith(Scopes.CATALOG);
    }

    public RequestSpecification callerWith(String scopes) {
        return RestAssured.given().header(HttpHeaders.AUTHORIZATION, signer.user(1, 1, scopes).authorization());
    }
}
