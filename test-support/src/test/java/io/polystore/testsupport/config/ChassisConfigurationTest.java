package io.polystore.testsupport.config;

import io.polystore.rest.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** rest-support's README lists the chassis' store settings exactly as StoreConfig declares them. */
class ChassisConfigurationTest {

    @Test
    void theChassisReadmeTableMatchesStoreConfig() {
        ConfigurationTable.assertReadmeMatches(StoreConfig.class, Path.of("../rest-support/README.md"));
    }
}
