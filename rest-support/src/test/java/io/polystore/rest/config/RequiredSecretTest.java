package io.polystore.rest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A missing or blank secret stops the configuration with one line naming the variable, never the value. */
class RequiredSecretTest {

    @ConfigMapping(prefix = "secret-test")
    interface Db {

        @RequiredSecret(variable = "DB_PASSWORD")
        Optional<String> password();
    }

    @Test
    void aPresentSecretPasses() {
        assertEquals("s3cret", config(Map.of("SECRET_TEST_PASSWORD", "s3cret")).getConfigMapping(Db.class).password()
                .orElseThrow());
    }

    @Test
    void aMissingSecretNamesTheVariable() {
        String message = assertThrows(ConfigValidationException.class, () -> config(Map.of())).getMessage();
        assertTrue(message.contains("DB_PASSWORD is required: the service does not start without it"), message);
    }

    @Test
    void aBlankSecretIsMissingAndIsNotPrinted() {
        String message = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("SECRET_TEST_PASSWORD", "   ")))
                .getMessage();
        assertTrue(message.contains("DB_PASSWORD is required"), message);
        assertFalse(message.contains("   ,"), message);
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(new HashMap<>(environment), 300))
                .withMapping(Db.class)
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return validator;
                    }
                })
                .build();
    }
}
