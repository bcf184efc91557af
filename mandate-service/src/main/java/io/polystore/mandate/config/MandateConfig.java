package io.polystore.mandate.config;

import io.polystore.rest.config.RequiredSecret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

    /**
     * The primary's URL when reads go to a replica (the seed's name); same forms as {@code DATABASE_URL}, and wins over
     * it.
     */
    @WithName("write-db-url")
    Optional<String> writeDbUrl();

    /**
     * A read replica: lists, audit search and {@code db stats} read from it when set; every write and every read that
     * must see the latest write go to the primary.
     */
    @WithName("read-db-url")
    Optional<String> readDbUrl();

    /**
     * At least 32 characters; the key that encrypts webhook signing secrets is derived from it. Changing it makes the
     * stored secrets unreadable (re-create the webhooks). Never logged.
     */
    @RequiredSecret(variable = "SECRET_KEY")
    Optional<@Size(min = 32, message = "SECRET_KEY must be at least 32 characters") String> secretKey();

    /** Audit rows older than this many days are purged by the retention job (the seed: 365). */
    @WithDefault("365")
    @Min(1)
    @Max(3650)
    int auditRetentionDays();

    /** Resolved alerts older than this many days are purged by the retention job. */
    @WithDefault("30")
    @Min(1)
    @Max(3650)
    int alertRetentionDays();

    Postgres postgres();

    Db db();

    Webhook webhook();

    Alerts alerts();

    Retention retention();

    /** Webhook deliveries ({@code WEBHOOK_*}). */
    interface Webhook {

        /** Allow targets on loopback, link-local and private addresses (local development only). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often the worker looks for due deliveries. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** Most deliveries one worker run claims. */
        @WithDefault("20")
        @Min(1)
        @Max(500)
        int batchSize();
    }

    /** The expiry job ({@code ALERTS_*}). */
    interface Alerts {

        /** How often the expiry job runs (the seed: hourly). */
        @WithDefault("PT1H")
        Duration checkEvery();

        /** A mandate expiring within this many days gets a MANDATE_EXPIRING alert. */
        @WithDefault("7")
        @Min(1)
        @Max(30)
        int expiringWithinDays();
    }

    /** The retention job ({@code RETENTION_*}). */
    interface Retention {

        /** When the daily retention job runs: a Quartz-style cron expression, in UTC (the seed: 03:00). */
        @WithDefault("0 0 3 * * ?")
        String cron();
    }

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
