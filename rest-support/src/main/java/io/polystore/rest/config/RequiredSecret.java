package io.polystore.rest.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret the service does not start without, on an {@code Optional<String>} of a service's {@code @ConfigMapping}:
 * {@code @RequiredSecret(variable = "DB_PASSWORD") Optional<String> password();}. Missing or blank, the start stops
 * while the configuration is validated (before Flyway, the pools or the HTTP server) with one line naming the variable:
 * {@code db.password DB_PASSWORD is required: the service does not start without it}. The value is never printed.
 */
@Documented
@Constraint(validatedBy = RequiredSecretValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredSecret {

    /** The operators' name of the variable, e.g. {@code DB_PASSWORD}. */
    String variable();

    String message() default "{variable} is required: the service does not start without it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
