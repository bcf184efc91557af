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

    Http http();

    Health health();

    Redis redis();

    OpenApi openapi();

    Auth auth();

    RateLimit rateLimit();

    interface Service {

        /** Base URL; the request path is appended unchanged. */
        URI url();

        /** Path prefixes under {@code /api/} this service owns, matched as whole path segments. */
        List<String> routes();

        /**
         * Other names of routes: alias prefix → one of {@link #routes()}
         * ({@code gateway.services.payment-service.aliases."/api/bookings"=/api/payments}). A request under the alias
         * reaches the service with that prefix replaced (query untouched) and needs the route's scope.
         */
        Map<String, String> aliases();

        /** Names of the readiness checks that stand for this service's stores, as {@code /health} reports them. */
        List<String> databases();

        /** The service's readiness endpoint, on its management interface (not its API port). */
        URI readinessUrl();

        /**
         * The service's OpenAPI document ({@code <SERVICE>_OPENAPI_URL}); by default {@code /q/openapi} on the host and
         * port of {@link #readinessUrl()} (the management interface).
         */
        Optional<URI> openapiUrl();

        /** {@link #openapiUrl()}, or its default. */
        default URI openapiDocument() {
            return openapiUrl().orElseGet(() -> readinessUrl().resolve("/q/openapi"));
        }
    }

    /**
     * The scope an API key needs for each route prefix (quoted keys: {@code gateway.scopes."/api/keys"=keys:manage});
     * names as in {@code io.polystore.rest.identity.Scopes}. Every route of every service must have one.
     */
    Map<String, String> scopes();

    /**
     * The read-only scope a route also accepts for {@code GET} and {@code HEAD}
     * ({@code gateway.read-scopes."/api/mandates"=
     * mandates:read}): it must be the read-only twin of the route's scope in {@code Scopes}. Routes without one need
     * their scope for every method.
     */
    Map<String, String> readScopes();

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

        /**
         * Requests waiting for a free connection to one service; beyond it a request gets 503 at once instead of
         * queueing for up to {@link #connectTimeout()}.
         */
        @WithDefault("1024")
        int maxWaiting();
    }

    /** The gateway's own HTTP server, as clients see it (quarkus.http.* holds the rest). */
    interface Http {

        /**
         * Longest time a client may take to send a request's line and headers, counted from its first byte
         * ({@code GATEWAY_HTTP_HEADER_TIMEOUT}); then the connection is closed. Idle connections are closed after
         * {@code quarkus.http.idle-timeout}.
         */
        @WithDefault("10s")
        Duration headerTimeout();
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

    /** {@code GET /openapi}: every service's public operations in one document, merged by the gateway. */
    interface OpenApi {

        /**
         * The gateway's own document ({@code GET /health}): {@code /q/openapi} on its management port
         * ({@code GATEWAY_OPENAPI_OWN_URL}).
         */
        @WithDefault("http://127.0.0.1:${quarkus.management.port}/q/openapi")
        URI ownUrl();

        /** How long a merged document is served before the services' documents are asked again. */
        @WithDefault("10s")
        Duration cacheTtl();

        /** How long one service's document may take; a service that does not answer in time is left out. */
        @WithDefault("2s")
        Duration fetchTimeout();
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

        /**
         * Longest wait for incident-service's answer, from asking (including the wait for a connection) to the last
         * byte of the answer; after it the request gets 503.
         */
        @WithDefault("2s")
        Duration verifyTimeout();

        /**
         * Connections to incident-service for verifications only: a pool of their own, so that proxied
         * {@code /api/incidents} traffic never makes a verification wait.
         */
        @WithDefault("8")
        int verifyMaxConnections();

        /**
         * Verifications in flight at once on this gateway (requests with the same key share one); beyond it an uncached
         * key gets 503 at once instead of queueing.
         */
        @WithDefault("64")
        int verifyMaxInFlight();

        /** This many failed verifications in a row open the circuit breaker. */
        @WithDefault("5")
        int breakerFailures();

        /**
         * How long an open breaker answers uncached keys with 503 at once, without asking incident-service; then one
         * verification probes whether it works again.
         */
        @WithDefault("2s")
        Duration breakerOpenFor();
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

        /**
         * Longest wait for Redis' decision ({@code RATE_LIMIT_REDIS_TIMEOUT}): a decision still unanswered then fails
         * (the fail mode applies), Redis counts as unavailable and the breaker opens. A slow answer within it is waited
         * for, so the limit stays exact.
         */
        @WithDefault("1s")
        Duration redisTimeout();

        /**
         * How long the breaker stays open after Redis was found unavailable: decisions get the fail mode at once, then
         * one decision probes Redis again ({@code RATE_LIMIT_REDIS_RETRY}).
         */
        @WithDefault("200ms")
        Duration redisRetry();

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
