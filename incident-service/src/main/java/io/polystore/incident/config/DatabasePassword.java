package io.polystore.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.NotBlank;

/**
 * Makes {@code DB_PASSWORD} required: {@code quarkus.datasource.password} is optional, and the expression
 * {@code ${db.password}} quietly yields no password when the variable is missing. Quarkus validates this mapping before
 * Flyway or the pool connect, so the service refuses to start instead.
 */
@ConfigMapping(prefix = "db.password")
public interface DatabasePassword {

    @WithParentName
    @NotBlank
    String value();
}
