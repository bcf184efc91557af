package io.polystore.rest.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.json.JsonObject;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks the gateway's identity tokens with SmallRye JWT: RS256 signature by one of the configured public keys (chosen
 * by the token's {@code kid}), issuer, audience, {@code exp}/{@code iat} within the clock skew, and a lifetime of at
 * most {@link IdentityConfig#tokenLifetime()}. The gateway reuses one token per key for most of its lifetime, so a
 * verified token is remembered until it expires: a request then costs one map lookup instead of an RSA verification.
 */
@Singleton
public class IdentityVerifier {

    /** Claim with the id of the API key the gateway verified (user tokens only). */
    public static final String KEY_ID_CLAIM = "key_id";
    public static final String SCOPE_CLAIM = "scope";

    private final JWTParser parser;
    private final Map<String, JWTAuthContextInfo> contexts;
    private final Cache<String, Verified> verified;
    private final long skewMillis;

    IdentityVerifier(JWTParser parser, IdentityConfig config) {
        this.parser = parser;
        this.contexts = contexts(config);
        this.skewMillis = config.clockSkew().toMillis();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified value, long now) {
                        return TimeUnit.MILLISECONDS.toNanos(
                                Math.max(0, value.validUntilMillis - System.currentTimeMillis()));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified value, long now, long remaining) {
                        return remaining;
                    }

                    @Override
                    public long expireAfterRead(String token, Verified value, long now, long remaining) {
                        return remaining;
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    private static Map<String, JWTAuthContextInfo> contexts(IdentityConfig config) {
        Map<String, JWTAuthContextInfo> contexts = new LinkedHashMap<>();
        IdentityKeys.publicKeys(config.publicKeys().orElse("")).forEach((kid, key) -> {
            contexts.put(kid, context(key, config));
        });
        // Whoever holds the signing key (the gateway) trusts its own tokens without a second variable.
        config.privateKey().filter(value -> !value.isBlank()).ifPresent(value -> {
            PublicKey own = IdentityKeys.publicKeyOf(IdentityKeys.privateKey(value));
            contexts.put(IdentityKeys.kid(own), context(own, config));
        });
        return Map.copyOf(contexts);
    }

    private static JWTAuthContextInfo context(PublicKey key, IdentityConfig config) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, IdentityConfig.ISSUER);
        context.setExpectedAudience(Set.of(IdentityConfig.AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setClockSkew((int) config.clockSkew().toSeconds());
        context.setMaxTimeToLiveSecs(config.tokenLifetime().toSeconds());
        context.setRequiredClaims(Set.of("sub", "iat", "exp", SCOPE_CLAIM));
        return context;
    }

    /**
     * A service that serves HTTP refuses to start without a verification key: it could answer nothing but 401. Ops
     * command runs ({@code quarkus.http.host-enabled=false}) need none.
     */
    void requireKeys(@Observes StartupEvent started) {
        boolean serving = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host-enabled", Boolean.class)
                .orElse(true);
        if (serving && contexts.isEmpty()) {
            throw new IllegalStateException("IDENTITY_PUBLIC_KEYS is not set: this service verifies the gateway's "
                    + "identity tokens with it (PEM text or file paths, comma-separated)");
        }
    }

    /** The caller a valid token names; empty for anything else (the caller learns nothing about why). */
    public Optional<Caller> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return known.stillValid() ? Optional.of(known.caller) : Optional.empty();
        }
        String kid = kidOf(token);
        JWTAuthContextInfo context = kid == null ? null : contexts.get(kid);
        if (context == null) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token, context);
            Caller caller = callerOf(jwt);
            if (caller == null) {
                return Optional.empty();
            }
            verified.put(token, new Verified(caller, jwt.getExpirationTime() * 1000 + skewMillis));
            return Optional.of(caller);
        } catch (ParseException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static Caller callerOf(JsonWebToken jwt) {
        Set<String> scopes = Scopes.parse(jwt.getClaim(SCOPE_CLAIM));
        Object keyClaim = jwt.getClaim(KEY_ID_CLAIM);
        if (keyClaim == null) {
            return scopes.equals(Set.of(Scopes.INTERNAL)) ? Caller.service(jwt.getSubject()) : null;
        }
        if (scopes.contains(Scopes.INTERNAL)) {
            return null; // an API key never carries the internal scope
        }
        try {
            long keyId = Long.parseLong(keyClaim.toString());
            long userId = Long.parseLong(jwt.getSubject());
            return keyId > 0 && userId > 0 ? Caller.user(userId, keyId, scopes) : null;
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    /** The {@code kid} of the token's JOSE header, read before any verification only to pick the key. */
    private static String kidOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 512) {
            return null;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
            Object kid = new JsonObject(new String(header, StandardCharsets.UTF_8)).getValue("kid");
            return kid instanceof String text ? text : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** A verified token's caller, valid until {@code exp} plus the clock skew. */
    private record Verified(Caller caller, long validUntilMillis) {

        boolean stillValid() {
            return System.currentTimeMillis() < validUntilMillis;
        }
    }
}
