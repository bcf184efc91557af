package io.polystore.rest.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The keys of the gateway's identity tokens. Operators' names: {@code IDENTITY_PUBLIC_KEYS} (every service: one or more
 * public keys, PEM text or file paths separated by commas, so keys can be rotated without downtime) and
 * {@code GATEWAY_IDENTITY_PRIVATE_KEY} (the gateway, and a service that calls another: PEM text or a file path).
 */
@ConfigMapping(prefix = "polystore.identity")
public interface IdentityConfig {

    String ISSUER = "polystore-gateway";
    String AUDIENCE = "polystore-services";

    /** Verification keys ({@code IDENTITY_PUBLIC_KEYS}); a service that serves HTTP does not start without one. */
    Optional<String> publicKeys();

    /** Signing key ({@code GATEWAY_IDENTITY_PRIVATE_KEY}); only a caller of other services has one. */
    Optional<String> privateKey();

    /** How long a signed token is valid; services refuse longer-lived ones. At most 60 s. */
    @WithDefault("60s")
    Duration tokenLifetime();

    /** A token is re-signed this long before it expires, so none reaches a service about to expire. */
    @WithDefault("20s")
    Duration renewBefore();

    /** Tolerated difference between the gateway's and a service's clock, both ways ({@code exp}, {@code iat}). */
    @WithDefault("5s")
    Duration clockSkew();

    /** Most verified tokens a service remembers (one per key in use, per minute), so it verifies each once. */
    @WithDefault("50000")
    int cacheSize();
}
