package io.polystore.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

        /** The service's readiness endpoint, on its management interface (not its API port). */
        URI readinessUrl();
    }

    /**
     * The scope an API key needs for each route prefix (quoted keys: {@code gateway.scopes."/api/keys"=keys:manage});
     * names as in {@code io.polystore.rest.identity.Scopes}. Every route of every service must have one.
     */
    Map<String, String> scopes();

    /**
     * Load balancers in front of the gateway whose {@code X-Forwarded-For} is believed
     * ({@code GATEWAY_TRUSTED_PROXIES}, addresses or CIDRs). Empty: the client is the peer the gateway sees, whatever
     * the request says.
     */
    Optional<List<String>> trustedProxies();

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

        /**
         * Longest time a remembered answer (accepted or refused) is used: a revoked or regenerated key is refused by
         * every gateway within this bound. At most 5 s.
         */
        @WithDefault("5s")
        Duration cacheTtl();

        /**
         * Age after which a remembered answer is checked again in the background while it keeps serving, so keys in
         * steady use never wait for a verification.
         */
        @WithDefault("2s")
        Duration refreshAfter();

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

        /** {@code key}: every API key has its own window; {@code user}: all keys of one user share one window. */
        @WithDefault("key")
        Scope scope();

        /** Failures are logged at most once per this interval (each one is counted in the metrics). */
        @WithDefault("10s")
        Duration failureLogInterval();
    }

    /** Whose requests one window counts ({@code RATE_LIMIT_SCOPE}). */
    enum Scope {
        KEY, USER
    }

    /** {@code open}: admit the request without a limit; {@code closed}: answer 503. */
    enum FailMode {
        OPEN, CLOSED
    }
}
