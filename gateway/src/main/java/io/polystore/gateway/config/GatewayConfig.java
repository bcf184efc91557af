package io.polystore.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where each service lives, which paths it owns and which stores it reports on; API keys and rate limits. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Keyed by service name (e.g. {@code incident-service}), the name {@code /health} reports. */
    Map<String, Service> services();

    Upstream upstream();

    Health health();

    Redis redis();

    Auth auth();

    RateLimit rateLimit();

    interface Service {

        /** Base URL; the request path is appended unchanged. */
        URI url();

        /** Path prefixes under {@code /api/} this service owns, matched as whole path segments. */
        List<String> routes();

        /** Names of the readiness checks that stand for this service's stores, as {@code /health} reports them. */
        List<String> databases();
    }

    interface Upstream {

        /** Longest silence from a service (no response headers or body bytes) before the client gets a 504. */
        @WithDefault("30s")
        Duration timeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Open connections per service; requests beyond it wait for a free one. */
        @WithDefault("128")
        int maxConnections();
    }

    interface Health {

        @WithDefault("/q/health/ready")
        String readinessPath();

        /** How long one service may take to answer its readiness probe. */
        @WithDefault("500ms")
        Duration serviceTimeout();

        /** Upper bound for the whole {@code /health} answer; also caps {@link #serviceTimeout()}. */
        @WithDefault("1s")
        Duration deadline();

        /** How long a computed answer is reused, so a flood of probes cannot hammer the services. */
        @WithDefault("1s")
        Duration cacheTtl();
    }

    interface Redis {

        /** Prefix of every key the gateway writes: Redis is shared with other services. */
        @WithDefault("gateway:")
        String namespace();
    }

    interface Auth {

        /**
         * Off only for measurements: every {@code /api/**} request is then proxied without identity (services answer
         * 401) and without rate limiting.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long a key that incident-service accepted keeps working without asking again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long a key that incident-service refused is refused without asking again. */
        @WithDefault("5s")
        Duration negativeCacheTtl();

        /** Most verifications (accepted and refused) kept at once; the least used go first. */
        @WithDefault("100000")
        int cacheSize();

        /** Longest wait for incident-service's answer; after it the request gets 503. */
        @WithDefault("2s")
        Duration verifyTimeout();
    }

    interface RateLimit {

        /** {@code RATE_LIMIT}. */
        @WithDefault("true")
        boolean enabled();

        /** Requests per window for a key without a custom limit ({@code RATE_LIMIT_REQUESTS}). */
        @WithDefault("100")
        long requests();

        /** Window length for a key without a custom limit ({@code RATE_LIMIT_PERIOD}, seconds). */
        @WithDefault("3600")
        Duration period();

        /** What a request gets when Redis cannot decide in time ({@code RATE_LIMIT_FAIL_MODE}). */
        @WithDefault("open")
        FailMode failMode();

        /** Longest wait for Redis' decision ({@code RATE_LIMIT_REDIS_TIMEOUT}). */
        @WithDefault("100ms")
        Duration redisTimeout();

        /** Failures are logged at most once per this interval (each one is counted in the metrics). */
        @WithDefault("10s")
        Duration failureLogInterval();
    }

    /** {@code open}: admit the request without a limit; {@code closed}: answer 503. */
    enum FailMode {
        OPEN, CLOSED
    }
}
