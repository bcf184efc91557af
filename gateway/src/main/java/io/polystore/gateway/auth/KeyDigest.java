package io.polystore.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 of an API key: what the verification cache is keyed by, so no raw key stays in the gateway's memory longer
 * than the request that carried it.
 */
final class KeyDigest {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final byte[] digest;
    private final int hash;

    private KeyDigest(byte[] digest) {
        this.digest = digest;
        // SHA-256 output is uniformly distributed: its first four bytes are as good a hash code as any.
        this.hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | digest[3] & 0xff;
    }

    static KeyDigest of(String apiKey) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return new KeyDigest(sha256.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyDigest that && hash == that.hash && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "KeyDigest[" + Integer.toHexString(hash) + "...]";
    }
}
