package io.polystore.mandate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which value wins, with this module's real {@code application.properties} (ordinal 250), environment variables (300)
 * and system properties (400, where Quarkus puts what a test resource returns).
 */
class DatabaseUrlConfigSourceFactoryTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";

    @Test
    void withoutDatabaseUrlThePostgresVariablesApply() {
        SmallRyeConfig config = config(Map.of("POSTGRES_HOST", "db.internal", "POSTGRES_PORT", "5432",
                "POSTGRES_DB", "vault", "POSTGRES_USER", "vault_app", "POSTGRES_PASSWORD", "from-env"), Map.of());

        assertEquals("postgresql://db.internal:5432/vault", config.getValue(REACTIVE_URL, String.class));
        assertEquals("jdbc:postgresql://db.internal:5432/vault", config.getValue(JDBC_URL, String.class));
        assertEquals("vault_app", config.getValue(USERNAME, String.class));
        assertEquals("from-env", config.getValue(PASSWORD, String.class));
    }

    @Test
    void withOnlyAPasswordTheDevstackDefaultsApply() {
        SmallRyeConfig config = config(Map.of("POSTGRES_PASSWORD", "from-env"), Map.of());

        assertEquals("postgresql://127.0.0.1:15432/mandates", config.getValue(REACTIVE_URL, String.class));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/mandates", config.getValue(JDBC_URL, String.class));
        assertEquals("mandates", config.getValue(USERNAME, String.class));
        assertEquals("from-env", config.getValue(PASSWORD, String.class));
        assertEquals(15, config.getValue("quarkus.datasource.reactive.max-size", Integer.class));
    }

    @Test
    void thePoolSizeComesFromDbPoolSize() {
        SmallRyeConfig config = config(Map.of("POSTGRES_PASSWORD", "p", "DB_POOL_SIZE", "4"), Map.of());

        assertEquals(4, config.getValue("quarkus.datasource.reactive.max-size", Integer.class));
    }

    @Test
    void withoutAnyPasswordTheConfigurationIsRefusedNamingTheVariable() {
        RuntimeException error = assertThrows(RuntimeException.class, () -> config(Map.of(), Map.of()));

        assertTrue(error.getMessage().contains("postgres.password POSTGRES_PASSWORD (or a password in DATABASE_URL)"
                + " is required: the service does not start without it"), error.getMessage());
    }

    @Test
    void aDatabaseUrlWithoutPasswordAndNoPostgresPasswordIsRefused() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> config(Map.of("DATABASE_URL", "postgresql://url_user@url-host/url_db"), Map.of()));

        assertTrue(error.getMessage().contains("postgres.password"), error.getMessage());
    }

    @Test
    void aDatabaseUrlWithPasswordNeedsNoPostgresPassword() {
        SmallRyeConfig config = config(Map.of("DATABASE_URL", "postgresql://url_user:from-url@url-host/url_db"),
                Map.of());

        assertEquals("from-url", config.getValue(PASSWORD, String.class));
        assertEquals("from-url", config.getConfigMapping(MandateConfig.class).postgres().password().orElseThrow());
    }

    @Test
    void databaseUrlWinsOverThePostgresVariables() {
        SmallRyeConfig config = config(Map.of(
                "DATABASE_URL", "postgresql://url_user:from%40url@url-host:6000/url_db",
                "POSTGRES_HOST", "db.internal", "POSTGRES_USER", "vault_app", "POSTGRES_PASSWORD", "from-env"),
                Map.of());

        assertEquals("postgresql://url-host:6000/url_db", config.getValue(REACTIVE_URL, String.class));
        assertEquals("jdbc:postgresql://url-host:6000/url_db", config.getValue(JDBC_URL, String.class));
        assertEquals("url_user", config.getValue(USERNAME, String.class));
        assertEquals("from@url", config.getValue(PASSWORD, String.class));
        assertTrue(config.getConfigValue(REACTIVE_URL).getConfigSourceName()
                .contains(DatabaseUrlConfigSourceFactory.VARIABLE));
    }

    @Test
    void aDatabaseUrlWithoutPasswordTakesPostgresPassword() {
        SmallRyeConfig config = config(Map.of("DATABASE_URL", "postgresql://url_user@url-host/url_db",
                "POSTGRES_PASSWORD", "from-env"), Map.of());

        assertEquals("url_user", config.getValue(USERNAME, String.class));
        assertEquals("from-env", config.getValue(PASSWORD, String.class));
    }

    @Test
    void explicitQuarkusVariablesAndTestResourcesWinOverDatabaseUrl() {
        SmallRyeConfig config = config(
                Map.of("DATABASE_URL", "postgresql://url_user:from-url@url-host:6000/url_db",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://explicit:5432/explicit"),
                Map.of(REACTIVE_URL, "postgresql://127.0.0.1:40000/mandates", PASSWORD, "test-password"));

        assertEquals("postgresql://127.0.0.1:40000/mandates", config.getValue(REACTIVE_URL, String.class));
        assertEquals("test-password", config.getValue(PASSWORD, String.class));
        assertEquals("jdbc:postgresql://explicit:5432/explicit", config.getValue(JDBC_URL, String.class));
        // Keys neither sets still come from DATABASE_URL.
        assertEquals("url_user", config.getValue(USERNAME, String.class));
    }

    @Test
    void aBadDatabaseUrlStopsTheConfigurationWithoutShowingThePassword() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("DATABASE_URL", "postgresql://u:Top/Secret@h/d"), Map.of()));

        assertTrue(error.getMessage().startsWith("DATABASE_URL is invalid"), error.getMessage());
        assertTrue(!error.getMessage().contains("Secret"), error.getMessage());
    }

    @Test
    void itsOrdinalLiesBetweenApplicationPropertiesAndEnvironmentVariables() {
        assertTrue(DatabaseUrlConfigSourceFactory.ORDINAL > 260, "above application.properties and config/ files");
        assertTrue(DatabaseUrlConfigSourceFactory.ORDINAL < 295, "below .env, environment and system properties");
    }

    @Test
    void writeDbUrlWinsOverDatabaseUrl() {
        SmallRyeConfig config = config(Map.of("DATABASE_URL", "postgresql://u:p@old-host/db",
                "WRITE_DB_URL", "postgresql+asyncpg://w:pw@primary:5433/vault?ssl=require"), Map.of());

        assertEquals("postgresql://primary:5433/vault?sslmode=require", config.getValue(REACTIVE_URL, String.class));
        assertEquals("w", config.getValue(USERNAME, String.class));
    }

    @Test
    void aBadWriteDbUrlIsNamedAsSuch() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("WRITE_DB_URL", "mysql://u:p@h/d"), Map.of()));

        assertTrue(error.getMessage().startsWith("WRITE_DB_URL is invalid"), error.getMessage());
    }

    @Test
    void withoutSecretKeyTheConfigurationIsRefusedNamingIt() {
        Map<String, String> environment = new HashMap<>(Map.of("POSTGRES_PASSWORD", "p", "SECRET_KEY", ""));
        RuntimeException error = assertThrows(RuntimeException.class, () -> config(environment, Map.of()));

        assertTrue(error.getMessage().contains("SECRET_KEY is required"), error.getMessage());
    }

    @Test
    void aSecretKeyShorterThan32CharactersIsRefusedWithoutShowingIt() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> config(Map.of("POSTGRES_PASSWORD", "p", "SECRET_KEY", "short-secret-value"), Map.of()));

        assertTrue(error.getMessage().contains("SECRET_KEY must be at least 32 characters"), error.getMessage());
        assertTrue(!error.getMessage().contains("short-secret-value"), error.getMessage());
    }

    /** Every case but the SECRET_KEY ones has a valid one: the others are about the database. */
    private static HashMap<String, String> withSecretKey(Map<String, String> environment) {
        HashMap<String, String> withKey = new HashMap<>(environment);
        withKey.putIfAbsent("SECRET_KEY", "a-test-secret-key-of-at-least-32-characters");
        return withKey;
    }

    private static SmallRyeConfig config(Map<String, String> environment, Map<String, String> systemProperties) {
        URL applicationProperties = DatabaseUrlConfigSourceFactoryTest.class.getResource("/application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(applicationProperties, 250))
                    .withSources(new EnvConfigSource(withSecretKey(environment), 300))
                    .withSources(new PropertiesConfigSource(systemProperties, "test resource", 400))
                    .withSources(new DatabaseUrlConfigSourceFactory())
                    .withMapping(MandateConfig.class)
                    .withValidator(new BeanValidationConfigValidator() {
                        @Override
                        public Validator getValidator() {
                            return VALIDATOR;
                        }
                    })
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
