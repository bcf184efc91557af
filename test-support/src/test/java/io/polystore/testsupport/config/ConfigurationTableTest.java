package io.polystore.testsupport.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTableTest {

    @ConfigMapping(prefix = "")
    interface Sample {

        @WithDefault("8080")
        int port();

        Db db();

        @WithName("database-url")
        Optional<String> url();

        interface Db {

            @WithDefault("15")
            int poolSize();

            Optional<String> password();

            @WithDefault("PT1H")
            Duration maxLifetime();
        }
    }

    @TempDir
    Path dir;

    @Test
    void walksTheMappingIntoVariables() {
        assertEquals(List.of(
                new ConfigurationTable.Entry("DATABASE_URL", "database-url", null),
                new ConfigurationTable.Entry("DB_MAX_LIFETIME", "db.max-lifetime", "PT1H"),
                new ConfigurationTable.Entry("DB_PASSWORD", "db.password", null),
                new ConfigurationTable.Entry("DB_POOL_SIZE", "db.pool-size", "15"),
                new ConfigurationTable.Entry("PORT", "port", "8080")), ConfigurationTable.of(Sample.class));
    }

    @Test
    void aMatchingReadmePasses() throws IOException {
        ConfigurationTable.assertReadmeMatches(Sample.class, readme("""
                | `PORT` | `8080` | HTTP port |
                | `DB_POOL_SIZE` | `15` | pool |
                | `DB_MAX_LIFETIME` | `PT1H` | recycled after |
                | `DB_PASSWORD` | — (required) | password |
                | `DATABASE_URL` | — | a URL |
                """));
    }

    @Test
    void aDriftedDefaultAMissingAndAnExtraVariableFail() throws IOException {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ConfigurationTable.assertReadmeMatches(Sample.class, readme("""
                        | `PORT` | `8081` | HTTP port |
                        | `DB_POOL_SIZE` | `15` | pool |
                        | `DB_MAX_LIFETIME` | `PT1H` | recycled after |
                        | `DB_PASSWORD` | — (required) | password |
                        | `DB_TIMEOUT` | `2s` | gone |
                        """)));
        assertTrue(error.getMessage().contains("PORT: the README says default '8081', the mapping '8080'"),
                error.getMessage());
        assertTrue(error.getMessage().contains("DATABASE_URL (database-url) is in the mapping but not in the README"),
                error.getMessage());
        assertTrue(error.getMessage().contains("DB_TIMEOUT is in the README but not in"), error.getMessage());
    }

    private Path readme(String table) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme,
                "# svc\n\n## Configuration\n\n| variable | default | meaning |\n|---|---|---|\n" + table
                        + "\n## Next\n\n| `NOT_CONFIG` | `x` | y |\n");
        return readme;
    }
}
