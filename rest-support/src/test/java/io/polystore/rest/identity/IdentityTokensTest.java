package io.polystore.rest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signing and verifying identity tokens, with SmallRye JWT's own parser and real RSA keys. */
class IdentityTokensTest {

    private static final KeyPair GATEWAY = generate();
    private static final KeyPair OTHER = generate();
    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Duration RENEW = Duration.ofSeconds(20);

    private final IdentitySigner signer = IdentitySigner.of(GATEWAY.getPrivate(), LIFETIME, RENEW, Clock.systemUTC());
    private final IdentityVerifier verifier = new IdentityVerifier(new DefaultJWTParser(),
            config(pem("PUBLIC KEY", OTHER.getPublic().getEncoded()) + pem("PUBLIC KEY",
                    GATEWAY.getPublic().getEncoded()), null));

    @Test
    void aUserTokenNamesTheUserTheKeyAndItsScopes() {
        Caller caller = verify(signer.user(4, 7, "incidents keys:manage").authorization()).orElseThrow();
        assertEquals(new Caller("4", 4, 7, Set.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE)), caller);
        assertTrue(caller.isUser());
    }

    @Test
    void aServiceTokenCarriesOnlyTheInternalScope() {
        Caller caller = verify(signer.service("gateway").authorization()).orElseThrow();
        assertEquals(Caller.service("gateway"), caller);
        assertFalse(caller.isUser());
    }

    @Test
    void anyConfiguredPublicKeyVerifies() {
        IdentitySigner rotated = IdentitySigner.of(OTHER.getPrivate(), LIFETIME, RENEW, Clock.systemUTC());
        assertTrue(verify(rotated.user(1, 2, "incidents").authorization()).isPresent());
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRefused() {
        IdentitySigner stranger = IdentitySigner.of(generate().getPrivate(), LIFETIME, RENEW, Clock.systemUTC());
        assertEquals(Optional.empty(), verify(stranger.user(1, 2, "incidents").authorization()));
    }

    @Test
    void aTokenWhoseKidNamesATrustedKeyButIsSignedByAnotherIsRefused() {
        String forged = Jwt.issuer(IdentityConfig.ISSUER).audience(IdentityConfig.AUDIENCE).subject("1")
                .claim(IdentityVerifier.KEY_ID_CLAIM, 2).claim(IdentityVerifier.SCOPE_CLAIM, "incidents")
                .expiresIn(30).jws().algorithm(SignatureAlgorithm.RS256).keyId(signer.kid())
                .sign(generate().getPrivate());
        assertEquals(Optional.empty(), verifier.verify(forged));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
        IdentitySigner late = IdentitySigner.of(GATEWAY.getPrivate(), LIFETIME, RENEW, past);
        assertEquals(Optional.empty(), verify(late.user(1, 2, "incidents").authorization()));
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        assertEquals(Optional.empty(), verifier.verify(token(IdentityConfig.ISSUER, "someone-else", 60)));
        assertEquals(Optional.empty(), verifier.verify(token("someone-else", IdentityConfig.AUDIENCE, 60)));
        assertTrue(verifier.verify(token(IdentityConfig.ISSUER, IdentityConfig.AUDIENCE, 60)).isPresent());
    }

    @Test
    void aTokenLivingLongerThanTheLifetimeIsRefused() {
        assertEquals(Optional.empty(), verifier.verify(token(IdentityConfig.ISSUER, IdentityConfig.AUDIENCE, 3600)));
    }

    @Test
    void anUnsignedOrTamperedTokenIsRefused() {
        String token = signer.user(4, 7, "incidents").authorization().substring("Bearer ".length());
        String[] parts = token.split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"sub\":\"4\"",
                        "\"sub\":\"5\"").getBytes());
        assertEquals(Optional.empty(), verifier.verify(parts[0] + "." + otherUser + "." + parts[2]));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertEquals(Optional.empty(), verifier.verify(none + "." + parts[1] + "."));
        assertEquals(Optional.empty(), verifier.verify("garbage"));
    }

    @Test
    void anApiKeyTokenCannotClaimTheInternalScope() {
        assertEquals(Optional.empty(), verify(signer.user(1, 2, "incidents internal").authorization()));
    }

    @Test
    void theSignerRenewsBeforeExpiry() {
        IdentitySigner.SignedToken token = signer.user(1, 2, "incidents");
        long now = System.currentTimeMillis();
        assertFalse(token.renewDue(now));
        assertTrue(token.renewDue(now + LIFETIME.minus(RENEW).toMillis() + 1000));
    }

    @Test
    void theGatewayVerifiesWithThePublicHalfOfItsOwnPrivateKey() {
        IdentityVerifier own = new IdentityVerifier(new DefaultJWTParser(),
                config(null, pem("PRIVATE KEY", GATEWAY.getPrivate().getEncoded())));
        assertTrue(own.verify(signer.user(1, 2, "incidents").authorization().substring(7)).isPresent());
    }

    @Test
    void lifetimesOverSixtySecondsAreRefusedAtConfiguration() {
        PrivateKey key = GATEWAY.getPrivate();
        assertThrows(IllegalArgumentException.class,
                () -> IdentitySigner.of(key, Duration.ofSeconds(61), RENEW, Clock.systemUTC()));
    }

    private Optional<Caller> verify(String authorization) {
        return verifier.verify(authorization.substring("Bearer ".length()));
    }

    private String token(String issuer, String audience, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(issuer).audience(audience).subject("1").claim(IdentityVerifier.KEY_ID_CLAIM, 2)
                .claim(IdentityVerifier.SCOPE_CLAIM, "incidents").issuedAt(now).expiresAt(now + lifetimeSeconds)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(signer.kid()).sign(GATEWAY.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    private static IdentityConfig config(String publicKeys, String privateKey) {
        return new IdentityConfig() {
            @Override
            public Optional<String> publicKeys() {
                return Optional.ofNullable(publicKeys);
            }

            @Override
            public Optional<String> privateKey() {
                return Optional.ofNullable(privateKey);
            }

            @Override
            public Duration tokenLifetime() {
                return LIFETIME;
            }

            @Override
            public Duration renewBefore() {
                return RENEW;
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int cacheSize() {
                return 100;
            }
        };
    }
}
