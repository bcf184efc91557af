package io.polystore.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything an operator sets for session-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code redis.pool-size} is {@code REDIS_POOL_SIZE}); {@code application.properties} only
 * wires Quarkus' keys to these, and the README's table is checked against this mapping ({@code ConfigurationTest}). The
 * chassis' variables (identity keys, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface SessionConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8083")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9083")
    int managementPort();

    Redis redis();

    Session session();

    /** mandate-service, which keeps the archive. */
    @WithName("mandate-service")
    ServiceUrl mandateService();

    /** catalog-service, which knows every product's GIN. */
    @WithName("catalog-service")
    CatalogUrl catalogService();

    interface CatalogUrl {

        /** catalog-service's API port (its {@code /api/catalog/products/{gin}}). */
        @WithDefault("http://127.0.0.1:8084")
        String url();
    }

    /** Operators' names {@code REDIS_*}. */
    interface Redis {

        /** {@code redis://[:password@]host:port[/db]}; when set, host and port are ignored. */
        Optional<String> url();

        @WithDefault("127.0.0.1")
        String host();

        /** The local devstack's Redis. */
        @WithDefault("16379")
        int port();

        /** Unset: no {@code AUTH} is sent at all. A password inside the URL wins over it. */
        Optional<String> password();

        /** Connect timeout, and the deadline of every session operation. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration timeout();

        /** Redis connections at most. */
        @WithDefault("8")
        @Min(1)
        @Max(1000)
        int poolSize();
    }

    interface Session {

        /**
         * How long an untouched session lives in Redis (e.g. {@code 20s}, {@code 45m}, {@code 1h}); sliding: every read
         * or write of the session starts it again. At least 2 s.
         */
        @WithDefault("1h")
        @DurationMin(seconds = 2)
        Duration ttl();

        /** Most active sessions one user holds at once; one more is a 409. */
        @WithDefault("100")
        @Min(1)
        @Max(10000)
        int maxPerUser();

        Archive archive();
    }

    /** Handing sessions over to mandate-service's archive ({@code SESSION_ARCHIVE_*}). */
    interface Archive {

        /**
         * An idle session is archived this long before its TTL ends (at most half the TTL is used, so a short TTL still
         * leaves time for the hand-over).
         */
        @WithDefault("5m")
        @DurationMin(seconds = 1)
        Duration ahead();

        /**
         * How long one sweeper's claim on a due session lasts: another instance (or this one, after a failed hand-over)
         * takes the session again only after it, so a killed instance delays an archive by at most this long.
         */
        @WithDefault("30s")
        @DurationMin(seconds = 1)
        Duration lease();

        /** How often each instance looks for due sessions. */
        @WithDefault("5s")
        @DurationMin(millis = 100)
        Duration sweepInterval();

        /** Sessions one sweep claims at most. */
        @WithDefault("100")
        @Min(1)
        @Max(10000)
        int batchSize();

        /**
         * While the archive is down, a due session's key is kept past its TTL for at most this long (counted from when
         * it became due); after it, the key is left to expire and the loss is logged and counted.
         */
        @WithDefault("24h")
        @DurationMin(seconds = 1)
        Duration hold();
    }

    /** Where the other services are ({@code MANDATE_SERVICE_URL}, {@code CATALOG_SERVICE_URL}). */
    interface ServiceUrl {

        /** mandate-service's API port (its {@code /internal/archives}). */
        @WithDefault("http://127.0.0.1:8082")
        String url();
    }
}
