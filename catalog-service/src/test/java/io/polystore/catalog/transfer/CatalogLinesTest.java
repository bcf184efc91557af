package io.polystore.catalog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.catalog.compatibility.Compatibility;
import io.polystore.catalog.compatibility.CompatibilityType;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogLinesTest {

    @Test
    void aProductLineReadsBackAsWritten() {
        Product aristo = new Product("0446200880", "Aristo 500ix", ProductType.POWER_SOURCE, "MIG power source",
                Map.of("process", "MIG (GMAW)", "current_output", "500 A", "cooling", "Water-cooled",
                        "integrated_cooler", false),
                Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"));
        String line = CatalogLines.format(aristo);
        assertEquals("{\"kind\":\"product\",\"gin\":\"0446200880\",\"type\":\"PowerSource\",\"name\":\"Aristo 500ix\","
                + "\"description\":\"MIG power source\",\"properties\":{\"process\":\"MIG (GMAW)\",\"currentOutput\":"
                + "\"500 A\",\"cooling\":\"Water-cooled\",\"integratedCooler\":false},\"createdAt\":"
                + "\"2026-11-30T08:00:00Z\",\"updatedAt\":\"2026-11-30T09:00:00Z\"}", line);
        assertEquals(aristo, CatalogLines.parse(line).product());
        assertEquals(Map.of("current_output_a", 500L), aristo.numericValues());
    }

    @Test
    void aCompatibilityLineReadsBackAsWritten() {
        Compatibility link = new Compatibility("0460460001", "0446200880", CompatibilityType.CERTIFIED, "tested",
                null);
        assertEquals(link, CatalogLines.parse(CatalogLines.format(link)).compatibility());
    }

    @Test
    void eachProblemOfALineIsNamed() {
        List<String> broken = CatalogLines.parse("{\"kind\":").errors();
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).startsWith("not JSON: "), broken.get(0));
        assertEquals(List.of("kind: required, \"product\" or \"compatibility\""), CatalogLines.parse("{}").errors());
        assertEquals(List.of("color: unknown member", "gin: a GIN is ten digits, e.g. \"0446200880\"",
                "type: must be one of PowerSource, Feeder, Cooler, Interconnector, Torch, Accessory",
                "name: required"),
                CatalogLines.parse("{\"kind\":\"product\",\"gin\":\"446200880\",\"type\":\"Welder\",\"color\":1}")
                        .errors());
        assertEquals(List.of("properties.currentOutput: must be a number and the unit A, e.g. \"500 A\"",
                "properties.integratedCooler: must be true or false",
                "properties.amperage: not a property of PowerSource (allowed: process, currentOutput, material, "
                        + "cooling, dutyCycle, integratedCooler, feederRequired)"),
                CatalogLines
                        .parse("{\"kind\":\"product\",\"gin\":\"0446200880\",\"type\":\"PowerSource\",\"name\":\"A\","
                                + "\"properties\":{\"currentOutput\":\"lots\",\"integratedCooler\":\"no\",\"amperage\":\"1 A\"}}")
                        .errors());
        assertEquals(List.of("compatibilityType: must be one of certified, compatible",
                "to: a product cannot be compatible with itself"),
                CatalogLines.parse("{\"kind\":\"compatibility\",\"from\":\"0446200880\",\"to\":\"0446200880\","
                        + "\"compatibilityType\":\"maybe\"}").errors());
        assertNull(CatalogLines.parse("{\"kind\":\"product\",\"kind\":\"product\"}").product());
    }
}
