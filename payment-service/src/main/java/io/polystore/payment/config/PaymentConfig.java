package io.polystore.payment.config;

import io.polystore.rest.config.RequiredSecret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an operator sets for payment-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code db.pool-size} is {@code DB_POOL_SIZE}); {@code application.properties} only wires
 * Quarkus' keys to these, and the README's table is checked against this mapping ({@code ConfigurationTest}). The
 * chassis' variables (identity keys, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface PaymentConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8085")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9085")
    int managementPort();

    Db db();

    Redis redis();

    Cache cache();

    Payments payments();

    /** The Redis the cache lives in ({@code REDIS_URL}); only a cache: the service serves without it. */
    interface Redis {

        @WithDefault("redis://127.0.0.1:16379")
        String url();
    }

    /** The cache-aside layer in Redis (operators' names {@code CACHE_*}). */
    interface Cache {

        /** Off: every read goes to the database and no write touches Redis (turn it off on every instance). */
        @WithDefault("true")
        boolean enabled();

        /** How long a cached payment or list page lives (the seed's 5 minutes). */
        @WithDefault("PT5M")
        Duration ttl();

        /** Deadline of one Redis call; past it the request is served from the database (a bypass). */
        @WithDefault("PT0.05S")
        Duration redisDeadline();
    }

    /** Rules of the payments themselves (operators' names {@code PAYMENTS_*}). */
    interface Payments {

        /** How long an Idempotency-Key replays its first answer. */
        @WithDefault("PT24H")
        Duration idempotencyWindow();

        /** A payment from the same email within this window is a DUPLICATED_PAYMENT warning. */
        @WithDefault("PT24H")
        Duration duplicateWindow();
    }

    /** The payments database (operators' names {@code DB_*}). */
    interface Db {

        @WithDefault("127.0.0.1")
        String host();

        /** The local devstack's MariaDB; a standard server listens on 3306. */
        @WithDefault("13306")
        int port();

        @WithDefault("payments")
        String name();

        @WithDefault("payments")
        String user();

        /** No default: the service does not start without it. Never logged. */
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
    }
}
