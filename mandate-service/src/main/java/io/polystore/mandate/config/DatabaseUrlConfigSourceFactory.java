package io.polystore.mandate.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code WRITE_DB_URL}, or else {@code DATABASE_URL} ({@code postgresql://user:password@host:port/database}) into
 * the Quarkus datasource keys: reactive URL, JDBC URL, user name and password (and {@code postgres.password}, which
 * {@link MandateConfig} requires). Property expressions cannot split a URL, hence a config source.
 * <p>
 * Its ordinal, {@value #ORDINAL}, lies above {@code application.properties} (250), so {@code DATABASE_URL} wins over
 * the defaults built there from {@code POSTGRES_*}, and below environment variables (300) and system properties (400),
 * so an explicit {@code QUARKUS_DATASOURCE_*} variable, or a test resource (which sets system properties), still wins
 * over it. Registered through {@code META-INF/services}: no reflection, fine for a native image.
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    static final String VARIABLE = "DATABASE_URL";
    /** The seed's name of the primary when a read replica is configured; wins over {@code DATABASE_URL}. */
    static final String WRITE_VARIABLE = "WRITE_DB_URL";
    static final int ORDINAL = 275;
    static final String PASSWORD_PROPERTY = "postgres.password";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String variable = isSet(context.getValue(WRITE_VARIABLE)) ? WRITE_VARIABLE : VARIABLE;
        ConfigValue value = context.getValue(variable);
        if (!isSet(value)) {
            return List.of();
        }
        DatabaseUrl url = DatabaseUrl.parse(value.getValue(), variable);
        Map<String, String> properties = new LinkedHashMap<>(url.datasourceProperties());
        if (url.password() != null) {
            // Satisfies the required password (MandateConfig.Postgres#password) when DATABASE_URL carries it.
            properties.put(PASSWORD_PROPERTY, url.password());
        }
        return List.of(new PropertiesConfigSource(properties, variable, ORDINAL));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
