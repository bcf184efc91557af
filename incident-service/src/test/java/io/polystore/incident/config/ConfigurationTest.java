package io.polystore.incident.config;

import io.polystore.testsupport.config.ConfigurationTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the mapping's: same variables, same defaults. */
class ConfigurationTest {

    @Test
    void theReadmeTableMatchesTheMapping() {
        ConfigurationTable.assertReadmeMatches(IncidentConfig.class, Path.of("README.md"));
    }
}
