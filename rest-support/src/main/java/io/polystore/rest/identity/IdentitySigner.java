package io.polystore.rest.identity;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs identity tokens with the gateway's private key (SmallRye JWT build, RS256): a user's token after the gateway
 * verified one of its API keys, and a service token (scope {@code internal}) for {@code /internal/**} calls. Callers
 * keep a {@link SignedToken} and sign again only when {@link SignedToken#renewDue} says so.
 */
public final class IdentitySigner {

    private final PrivateKey key;
    private final String kid;
    private final Duration lifetime;
    private final Duration renewBefore;
    private final Clock clock;

    IdentitySigner(PrivateKey key, Duration lifetime, Duration renewBefore, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("polystore.identity.token-lifetime must be between 1 s and 60 s");
        }
        if (renewBefore.compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("polystore.identity.renew-before must be shorter than the lifetime");
        }
        this.key = key;
        this.kid = IdentityKeys.kid(IdentityKeys.publicKeyOf(key));
        this.lifetime = lifetime;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /** The signer of this configuration; empty when no private key is configured. */
    public static Optional<IdentitySigner> of(IdentityConfig config) {
        return config.privateKey().filter(value -> !value.isBlank()).map(value -> new IdentitySigner(
                IdentityKeys.privateKey(value), config.tokenLifetime(), config.renewBefore(), Clock.systemUTC()));
    }

    public static IdentitySigner of(PrivateKey key, Duration lifetime, Duration renewBefore, Clock clock) {
        return new IdentitySigner(key, lifetime, renewBefore, clock);
    }

    public String kid() {
        return kid;
    }

    /** A token for a user calling through one of its API keys. */
    public SignedToken user(long userId, long keyId, String scopes) {
        return sign(Long.toString(userId), keyId, scopes);
    }

    /** A token for service {@code name} calling another service's {@code /internal/**}. */
    public SignedToken service(String name) {
        return sign(name, 0, Scopes.INTERNAL);
    }

    private SignedToken sign(String subject, long keyId, String scopes) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        var claims = Jwt.issuer(IdentityConfig.ISSUER)
                .audience(IdentityConfig.AUDIENCE)
                .subject(subject)
                .issuedAt(now.getEpochSecond())
                .expiresAt(expires.getEpochSecond())
                .claim(IdentityVerifier.SCOPE_CLAIM, scopes);
        if (keyId > 0) {
            claims.claim(IdentityVerifier.KEY_ID_CLAIM, keyId);
        }
        String token = claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(kid).sign(key);
        return new SignedToken("Bearer " + token, expires.minus(renewBefore).toEpochMilli());
    }

    /** A signed token as an {@code Authorization} header value, and when to sign a new one. */
    public record SignedToken(String authorization, long renewAtMillis) {

        public boolean renewDue(long nowMillis) {
            return nowMillis >= renewAtMillis;
        }
    }
}
