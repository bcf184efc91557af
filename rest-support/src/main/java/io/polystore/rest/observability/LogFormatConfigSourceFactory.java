package io.polystore.rest.observability;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code LOG_FORMAT=json} switches the console to one JSON object per line (quarkus-logging-json, with the MDC: trace
 * and span ids); unset or {@code text} keeps the text format. Any other value stops the start naming the variable.
 * Ordinal {@value #ORDINAL}: above {@code application.properties}, below environment variables, so an explicit
 * {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED} still wins.
 */
public class LogFormatConfigSourceFactory implements ConfigSourceFactory {

    static final String VARIABLE = "LOG_FORMAT";
    static final String PROPERTY = "quarkus.log.console.json.enabled";
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(VARIABLE);
        String format = value == null || value.getValue() == null
                ? ""
                : value.getValue().trim()
                        .toLowerCase(Locale.ROOT);
        boolean json = switch (format) {
            case "json" -> true;
            case "", "text" -> false;
            default -> throw new IllegalArgumentException(
                    VARIABLE + " must be json or text (unset means text), was '" + value.getValue() + "'");
        };
        return List.of(new PropertiesConfigSource(Map.of(PROPERTY, String.valueOf(json)), VARIABLE, ORDINAL));
    }
}
