package io.polystore.mandate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.NotBlank;

/**
 * Makes the database password required, so the service refuses to start without one instead of connecting without a
 * password: Quarkus' own {@code quarkus.datasource.password} is optional, and an expression such as
 * {@code ${postgres.password}} that it cannot expand quietly yields no password at all.
 * <p>
 * {@code postgres.password} comes from {@code POSTGRES_PASSWORD}, or from the password part of {@code DATABASE_URL}
 * (see {@link DatabaseUrlConfigSourceFactory}). Quarkus validates config mappings when the runtime configuration is
 * built, before Flyway or the pools connect. Nothing injects this mapping: Quarkus drops unused mappings unless they
 * carry a Bean Validation constraint, which {@code @NotBlank} is (it also refuses a password of blanks).
 */
@ConfigMapping(prefix = "postgres.password")
public interface PostgresPassword {

    /** {@code postgres.password} itself (the mapping's prefix is the property). */
    @WithParentName
    @NotBlank
    String value();
}
