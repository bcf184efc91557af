package io.polystore.catalog.config;

import io.polystore.testsupport.config.ConfigurationTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the mapping's: same variables, same defaults. */
class ConfigurationTest {

    @Test
    void theReadmeTableMatchesTheMapping() {
        ConfigurationTable.assertReadmeMatches(CatalogConfig.class, Path.of("README.md"));
    }
}
