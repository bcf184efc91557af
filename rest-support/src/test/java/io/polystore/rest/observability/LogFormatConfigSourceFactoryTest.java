package io.polystore.rest.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatConfigSourceFactoryTest {

    @Test
    void jsonOnlyWithLogFormatJson() {
        assertEquals(true, jsonEnabled(Map.of("LOG_FORMAT", "json")));
        assertEquals(true, jsonEnabled(Map.of("LOG_FORMAT", "JSON")));
        assertEquals(false, jsonEnabled(Map.of("LOG_FORMAT", "text")));
        assertEquals(false, jsonEnabled(Map.of()));
    }

    @Test
    void anExplicitQuarkusVariableStillWins() {
        assertEquals(false, jsonEnabled(Map.of("LOG_FORMAT", "json", "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")));
    }

    @Test
    void anUnknownFormatStopsTheStartNamingTheVariable() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> jsonEnabled(Map.of("LOG_FORMAT", "xml")));
        assertTrue(error.getMessage().startsWith("LOG_FORMAT must be json or text"), error.getMessage());
    }

    private static boolean jsonEnabled(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(new HashMap<>(environment), 300))
                .withSources(new LogFormatConfigSourceFactory())
                .build();
        return config.getValue(LogFormatConfigSourceFactory.PROPERTY, Boolean.class);
    }
}
