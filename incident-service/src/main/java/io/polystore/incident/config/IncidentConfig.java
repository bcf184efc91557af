package io.polystore.incident.config;

import io.polystore.rest.config.RequiredSecret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an operator sets for incident-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code db.pool-size} is {@code DB_POOL_SIZE}); {@code application.properties} only wires
 * Quarkus' keys to these, and the README's table is checked against this mapping ({@code ConfigurationTest}). The
 * chassis' variables (identity keys, forwarded headers, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface IncidentConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8081")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9081")
    int managementPort();

    Db db();

    ApiKeys apiKeys();

    Incident incident();

    /** The incidents database (operators' names {@code DB_*}). */
    interface Db {

        @WithDefault("127.0.0.1")
        String host();

        /** The local devstack's MariaDB; a standard server listens on 3306. */
        @WithDefault("13306")
        int port();

        @WithDefault("incidents")
        String name();

        @WithDefault("incidents")
        String user();

        /** No default: the service (and every ops command but help) does not start without it. Never logged. */
        @RequiredSecret(variable = "DB_PASSWORD")
        Optional<String> password();

        /** Reactive connections serving requests. */
        @WithDefault("15")
        @Min(1)
        @Max(1000)
        int poolSize();

        /** A connection is recycled after this. */
        @WithDefault("PT1H")
        Duration maxLifetime();

        /** Seconds to open a connection. */
        @WithDefault("30")
        @Min(1)
        int connectTimeout();
    }

    /**
     * Limits on a user's API keys ({@code API_KEYS_*}). A leaked key can mint children, so the number of keys one user
     * can hold at once is bounded; revoked keys do not count.
     */
    interface ApiKeys {

        /** Most active (not revoked) keys one user may have; creating one more is a conflict (409, exit code 4). */
        @WithDefault("10")
        @Min(1)
        int maxActive();
    }

    /** incident-service's own tuning ({@code INCIDENT_*}). */
    interface Incident {

        KeyUse apiKeys();
    }

    interface KeyUse {

        /**
         * How often the last-used times of verified keys are written ({@code INCIDENT_API_KEYS_LAST_USED_FLUSH}); a
         * crash loses at most one interval of them.
         */
        @WithDefault("5s")
        Duration lastUsedFlush();
    }
}
