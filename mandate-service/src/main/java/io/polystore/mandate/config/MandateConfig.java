package io.polystore.mandate.config;

import io.polystore.rest.config.RequiredSecret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an operator sets for mandate-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code postgres.host} is {@code POSTGRES_HOST}); {@code application.properties} only wires
 * Quarkus' keys to these, and the README's table is checked against this mapping ({@code ConfigurationTest}).
 * {@code DATABASE_URL}, when set, wins over the {@code POSTGRES_*} variables ({@link DatabaseUrlConfigSourceFactory}).
 * The chassis' variables (identity keys, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface MandateConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8082")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9082")
    int managementPort();

    /**
     * {@code postgresql://user:password@host:port/database}; read by {@link DatabaseUrlConfigSourceFactory}, listed
     * here so that it is documented and checked with the rest.
     */
    @WithName("database-url")
    Optional<String> databaseUrl();

    Postgres postgres();

    Db db();

    /** The mandates database (operators' names {@code POSTGRES_*}). */
    interface Postgres {

        @WithDefault("127.0.0.1")
        String host();

        /** The local devstack's PostgreSQL; a standard server listens on 5432. */
        @WithDefault("15432")
        int port();

        @WithDefault("mandates")
        String db();

        @WithDefault("mandates")
        String user();

        /** No default: from {@code POSTGRES_PASSWORD} or the password part of {@code DATABASE_URL}. Never logged. */
        @RequiredSecret(variable = "POSTGRES_PASSWORD (or a password in DATABASE_URL)")
        Optional<String> password();
    }

    /** The reactive pool ({@code DB_*}). */
    interface Db {

        /** Reactive connections serving requests. */
        @WithDefault("15")
        @Min(1)
        @Max(1000)
        int poolSize();

        /** A connection is recycled after this. */
        @WithDefault("PT1H")
        Duration maxLifetime();
    }
}
