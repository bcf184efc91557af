package io.polystore.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where each service lives, which paths it owns and which stores it reports on. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Keyed by service name (e.g. {@code incident-service}), the name {@code /health} reports. */
    Map<String, Service> services();

    Upstream upstream();

    Health health();

    Redis redis();

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
}
