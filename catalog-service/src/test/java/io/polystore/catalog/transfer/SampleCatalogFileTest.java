package io.polystore.catalog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.catalog.compatibility.CompatibilityType;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed sample is what the generator writes for its seed, and holds what the issue asks of it. */
class SampleCatalogFileTest {

    @Test
    void theCommittedSampleIsTheGeneratorsOutput() throws IOException {
        List<String> generated = new ArrayList<>();
        new CatalogGenerator(SampleCatalog.SEED, SampleCatalog.PRODUCTS).write(generated::add);
        List<String> committed = Files.readAllLines(Path.of("src/main/resources", SampleCatalog.RESOURCE),
                StandardCharsets.UTF_8);
        assertEquals(generated, committed, "regenerate it: catalog generate --products " + SampleCatalog.PRODUCTS
                + " --seed " + SampleCatalog.SEED);
    }

    @Test
    void theSampleIsValidLargeEnoughAndHoldsTheSeedsExamples() {
        CatalogFile sample = SampleCatalog.read();
        assertEquals(0, sample.errorCount(), () -> sample.errors().toString());
        assertTrue(sample.unresolved().isEmpty(), "every relationship's ends are in the file");
        assertTrue(sample.products().size() >= 300, "products: " + sample.products().size());
        assertTrue(sample.compatibilities().size() >= 1500, "compatibilities: " + sample.compatibilities().size());
        for (ProductType type : ProductType.values()) {
            assertTrue(sample.products().stream().anyMatch(p -> p.value().type() == type), type.label());
        }
        Product aristo = sample.products().stream().map(Numbered::value)
                .filter(p -> p.gin().equals(CatalogGenerator.ARISTO_GIN)).findFirst().orElseThrow();
        assertEquals("Aristo 500ix", aristo.name());
        assertEquals(ProductType.POWER_SOURCE, aristo.type());
        assertEquals("MIG (GMAW)", aristo.values().get("process"));
        assertEquals("500 A", aristo.values().get("current_output"));
        assertEquals("Water-cooled", aristo.values().get("cooling"));
        Product robustFeed = sample.products().stream().map(Numbered::value)
                .filter(p -> p.gin().equals(CatalogGenerator.ROBUSTFEED_GIN)).findFirst().orElseThrow();
        assertEquals("RobustFeed", robustFeed.name());
        assertEquals(ProductType.FEEDER, robustFeed.type());
        assertTrue(sample.compatibilities().stream().map(Numbered::value)
                .anyMatch(c -> c.from().equals(CatalogGenerator.ROBUSTFEED_GIN)
                        && c.to().equals(CatalogGenerator.ARISTO_GIN) && c.type() == CompatibilityType.CERTIFIED));
    }

    @Test
    void theSameSeedGivesTheSameCatalogAndAnotherSeedAnother() {
        List<String> first = new ArrayList<>();
        List<String> again = new ArrayList<>();
        List<String> other = new ArrayList<>();
        new CatalogGenerator(7, 1000).write(first::add);
        new CatalogGenerator(7, 1000).write(again::add);
        new CatalogGenerator(8, 1000).write(other::add);
        assertEquals(first, again);
        assertTrue(!first.equals(other));
        assertEquals(1000, first.stream().filter(l -> l.contains("\"kind\":\"product\"")).count());
    }
}
