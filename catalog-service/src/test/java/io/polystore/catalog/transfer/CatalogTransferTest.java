package io.polystore.catalog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.catalog.TestCatalog;
import io.polystore.catalog.cli.InProcessCli;
import io.polystore.catalog.stats.CatalogStats;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import, export, wipe, delete, stats and generate, through the command line as an operator runs them. */
@QuarkusTest
class CatalogTransferTest {

    private static final String PS = "{\"kind\":\"product\",\"gin\":\"0100000001\",\"type\":\"PowerSource\","
            + "\"name\":\"Test 400i\",\"properties\":{\"process\":\"MIG (GMAW)\",\"currentOutput\":\"400 A\"}}";
    private static final String FEEDER = "{\"kind\":\"product\",\"gin\":\"0100000002\",\"type\":\"Feeder\","
            + "\"name\":\"Test Feed\"}";
    private static final String LINK = "{\"kind\":\"compatibility\",\"from\":\"0100000002\",\"to\":\"0100000001\","
            + "\"compatibilityType\":\"certified\"}";

    @Inject
    TestCatalog catalog;

    @Inject
    InProcessCli cli;

    @BeforeEach
    void emptyCatalog() {
        catalog.wipe();
    }

    @Test
    void exportWipeImportGivesBackTheSameCatalog(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        catalog.resetToSample();
        CatalogStats.Counts before = catalog.counts();
        Path file = dir.resolve("catalog.jsonl");

        JsonNode exported = cli.json(0, "catalog", "export", "--output", file.toString(), "--json");
        assertEquals(before.nodes().get("Product"), exported.get("products").asLong());
        assertEquals(before.relationships().get("COMPATIBLE_WITH"), exported.get("compatibilities").asLong());
        List<String> firstExport = Files.readAllLines(file, StandardCharsets.UTF_8);

        cli.run(5, "catalog", "wipe");
        assertEquals(before, catalog.counts(), "nothing deleted without --yes");
        JsonNode wiped = cli.json(0, "catalog", "wipe", "--yes", "--json");
        assertEquals(before.nodes().get("Product"), wiped.get("productsDeleted").asLong());
        assertEquals(0L, catalog.counts().nodes().get("Product"));

        JsonNode imported = cli.json(0, "catalog", "import", file.toString(), "--json");
        assertEquals(before.nodes().get("Product"), imported.get("productsCreated").asLong());
        assertEquals(before.relationships().get("COMPATIBLE_WITH"), imported.get("relationshipsCreated").asLong());
        assertEquals(before, catalog.counts());

        cli.run(0, "catalog", "export", "--output", file.toString());
        List<String> secondExport = Files.readAllLines(file, StandardCharsets.UTF_8);
        // not assertEquals on the lists: a failure would print two thousand lines
        for (int i = 0; i < Math.max(firstExport.size(), secondExport.size()); i++) {
            assertEquals(i < firstExport.size() ? firstExport.get(i) : null,
                    i < secondExport.size() ? secondExport.get(i) : null, "line " + (i + 1) + " of the exports");
        }
    }

    @Test
    void importingTwiceChangesNoCounts(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.jsonl");
        Files.writeString(file, PS + "\n\n" + FEEDER + "\n" + LINK + "\n");
        JsonNode first = cli.json(0, "catalog", "import", file.toString(), "--json");
        assertEquals(2, first.get("productsCreated").asInt());
        assertEquals(1, first.get("relationshipsCreated").asInt());
        JsonNode second = cli.json(0, "catalog", "import", file.toString(), "--json");
        assertEquals(0, second.get("productsCreated").asInt());
        assertEquals(0, second.get("relationshipsCreated").asInt());
        assertEquals(2L, catalog.counts().nodes().get("Product"));
        assertEquals(1L, catalog.counts().relationships().get("COMPATIBLE_WITH"));
    }

    @Test
    void dryRunChecksAndWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.jsonl");
        Files.writeString(file, PS + "\n" + FEEDER + "\n" + LINK + "\n");
        String out = cli.run(0, "catalog", "import", file.toString(), "--dry-run").out();
        assertTrue(out.contains("Would import 2 products and 1 compatibilities"), out);
        assertEquals(0L, catalog.counts().nodes().get("Product"));
    }

    @Test
    void anInvalidFileNamesEachLineAndWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n", PS, FEEDER, LINK,
                "{\"kind\":\"compatibility\",\"from\":\"0100000001\",\"to\":\"0100000002\",\"compatibilityType\":\"certified\"}",
                "{\"kind\":\"compatibility\",\"from\":\"0100000002\",\"to\":\"0999999999\",\"compatibilityType\":\"compatible\"}",
                "not json",
                FEEDER.replace("Test Feed", "Twice"),
                LINK) + "\n");
        JsonNode report = cli.json(2, "catalog", "import", file.toString(), "--json");
        assertFalse(report.get("written").asBoolean());
        assertEquals(6, report.get("errorCount").asInt(), report.toString());
        List<String> errors = new java.util.ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ": " + e.get("message").asText()));
        assertEquals(List.of(
                "4: from: 0100000001 is a PowerSource; a compatibility goes from a component to a power source",
                "4: to: 0100000002 is a Feeder, not a PowerSource",
                "5: to: no product with GIN 0999999999 in this file or in the catalog",
                "6: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token "
                        + "'null', 'true' or 'false')",
                "7: gin: 0100000002 is already on line 2",
                "8: compatibility 0100000002 -> 0100000001 is already on line 3"), errors);
        assertEquals(0L, catalog.counts().nodes().get("Product"), "nothing written");

        String text = cli.run(2, "catalog", "import", file.toString()).err();
        assertTrue(text.contains("6 error(s)"), text);
        cli.run(3, "catalog", "import", dir.resolve("missing.jsonl").toString());
    }

    @Test
    void aRelationshipMayNameAProductAlreadyInTheCatalog() {
        assertTrue(catalog.load(false, PS).written());
        assertTrue(catalog.load(false, FEEDER, LINK).written());
        assertEquals(1L, catalog.counts().relationships().get("COMPATIBLE_WITH"));
    }

    @Test
    void aTypeChangeThatWouldBreakRelationshipsIsRefused() {
        assertTrue(catalog.load(false, PS, FEEDER, LINK).written());
        var report = catalog.load(false, FEEDER.replace("Feeder", "PowerSource"));
        assertEquals(1, report.errorCount());
        assertTrue(report.errors().get(0).message().startsWith("type: 0100000002 is a Feeder compatible with power "
                + "sources"), report.errors().toString());
        var accessory = catalog.load(false, FEEDER.replace("Feeder", "Accessory"));
        assertTrue(accessory.written(), "a component may change to another component type and keeps its edges");
        assertEquals(Map.of("Accessory", 1L, "PowerSource", 1L), Map.of("Accessory",
                catalog.counts().nodes().get("Accessory"), "PowerSource", catalog.counts().nodes().get("PowerSource")));
    }

    @Test
    void deleteIsRefusedWhileRelatedUnlessDetached() {
        assertTrue(catalog.load(false, PS, FEEDER, LINK).written());
        String refused = cli.run(4, "catalog", "delete", "0100000002").err();
        assertTrue(refused.contains("has 1 compatibility relationship(s)"), refused);
        assertEquals(2L, catalog.counts().nodes().get("Product"));
        cli.run(3, "catalog", "delete", "0100000009");

        JsonNode deleted = cli.json(0, "catalog", "delete", "0100000002", "--detach", "--json");
        assertEquals(1, deleted.get("relationshipsDeleted").asInt());
        assertEquals(0L, catalog.counts().relationships().get("COMPATIBLE_WITH"));
        cli.run(0, "catalog", "delete", "0100000001");
        assertEquals(0L, catalog.counts().nodes().get("Product"));
    }

    @Test
    void statsCountEveryLabelAndTheRelationships() {
        assertTrue(catalog.load(false, PS, FEEDER, LINK).written());
        JsonNode stats = cli.json(0, "catalog", "stats", "--json");
        assertEquals(1, stats.get("nodes").get("PowerSource").asInt());
        assertEquals(1, stats.get("nodes").get("Feeder").asInt());
        assertEquals(0, stats.get("nodes").get("Torch").asInt());
        assertEquals(2, stats.get("nodes").get("Product").asInt());
        assertEquals(1, stats.get("relationships").get("COMPATIBLE_WITH").asInt());
        String text = cli.run(0, "catalog", "stats").out();
        assertTrue(text.contains("relationships  COMPATIBLE_WITH  1"), text);
    }

    @Test
    void generateWritesTheSameFileForTheSameSeed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path first = dir.resolve("a.jsonl");
        Path second = dir.resolve("b.jsonl");
        JsonNode generated = cli.json(0, "catalog", "generate", "--products", "500", "--seed", "3", "--output",
                first.toString(), "--json");
        assertEquals(500, generated.get("products").asInt());
        assertTrue(generated.get("compatibilities").asInt() >= 2000, generated.toString());
        cli.run(0, "catalog", "generate", "--products", "500", "--seed", "3", "--output", second.toString());
        assertEquals(Files.readAllLines(first), Files.readAllLines(second));
        cli.run(2, "catalog", "generate", "--products", "1", "--output", second.toString());
    }
}
