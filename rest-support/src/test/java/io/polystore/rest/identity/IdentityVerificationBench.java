package io.polystore.rest.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What verifying the gateway's token costs a service, in CPU time of the calling thread: a benchmark, not a test (run
 * by {@code deploy/bench/identity-token}). Each request brings its token as a new String (as a parsed header does), so
 * the cached path includes hashing it; the first sight of a token is a full RS256 verification.
 */
public final class IdentityVerificationBench {

    private IdentityVerificationBench() {
    }

    public static void main(String[] args) throws Exception {
        int cachedRounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int freshRounds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        PrivateKey key = pair.getPrivate();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        IdentityVerifier verifier = new IdentityVerifier(new DefaultJWTParser(), config(publicPem));
        IdentitySigner signer = IdentitySigner.of(key, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Clock.systemUTC());
        String token = signer.user(42, 4242, "incidents payments keys:manage").authorization().substring(7);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        // cached: the same token, a new String per request
        char[] chars = token.toCharArray();
        long sink = 0;
        for (int i = 0; i < cachedRounds / 4; i++) { // warm-up
            sink += verifier.verify(new String(chars)).map(Caller::keyId).orElse(0L);
        }
        long started = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < cachedRounds; i++) {
            sink += verifier.verify(new String(chars)).map(Caller::keyId).orElse(0L);
        }
        double cachedMicros = (cpu.getCurrentThreadCpuTime() - started) / 1_000.0 / cachedRounds;

        // fresh: a token never seen (as after each re-signing, once per key per ~40 s)
        String[] fresh = new String[freshRounds + freshRounds / 4];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = signer.user(42, 1 + i, "incidents").authorization().substring(7);
        }
        for (int i = 0; i < freshRounds / 4; i++) {
            sink += verifier.verify(fresh[freshRounds + i]).map(Caller::keyId).orElse(0L);
        }
        started = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < freshRounds; i++) {
            sink += verifier.verify(fresh[i]).map(Caller::keyId).orElse(0L);
        }
        double freshMicros = (cpu.getCurrentThreadCpuTime() - started) / 1_000.0 / freshRounds;

        // signing, as the gateway does once per key per ~40 s
        started = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < freshRounds; i++) {
            sink += signer.user(42, 7, "incidents").authorization().length();
        }
        double signMicros = (cpu.getCurrentThreadCpuTime() - started) / 1_000.0 / freshRounds;

        System.out.printf("token length: %d characters%n", token.length());
        System.out.printf("verify, cached token (every request but the first per token): %.2f µs CPU (%d rounds)%n",
                cachedMicros, cachedRounds);
        System.out.printf("verify, new token (RS256 + claims, once per token per service): %.1f µs CPU (%d rounds)%n",
                freshMicros, freshRounds);
        System.out.printf("sign (gateway, once per key per ~40 s): %.1f µs CPU (%d rounds)%n", signMicros, freshRounds);
        if (sink == 42) {
            System.out.println(); // keeps the loops' results alive
        }
    }

    private static IdentityConfig config(String publicPem) {
        return new IdentityConfig() {
            @Override
            public Optional<String> publicKeys() {
                return Optional.of(publicPem);
            }

            @Override
            public Optional<String> privateKey() {
                return Optional.empty();
            }

            @Override
            public Duration tokenLifetime() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Duration renewBefore() {
                return Duration.ofSeconds(20);
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int cacheSize() {
                return 50_000;
            }
        };
    }
}
