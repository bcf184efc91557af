package io.polystore.incident.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key format, {@code psk_<prefix>.<secret>}: a 12-character public prefix (9 random bytes) that finds the row, and
 * a 43-character secret (32 random bytes from {@link SecureRandom}), both base64url. Only SHA-256 of the whole key is
 * stored: a salted slow hash buys nothing for 256 random bits, and SHA-256 keeps verification cheap.
 */
final class ApiKeySecrets {

    static final String SCHEME = "psk_";
    private static final Pattern FORMAT = Pattern.compile("psk_([A-Za-z0-9_-]{12})\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    record Generated(String prefix, String apiKey, byte[] hash) {
    }

    static Generated generate() {
        String prefix = BASE64URL.encodeToString(randomBytes(9));
        String apiKey = SCHEME + prefix + "." + BASE64URL.encodeToString(randomBytes(32));
        return new Generated(prefix, apiKey, hash(apiKey));
    }

    /** The prefix of a well-formed key; empty for anything else, so garbage never reaches the database. */
    static Optional<String> prefixOf(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(apiKey);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static boolean matches(String apiKey, byte[] storedHash) {
        return MessageDigest.isEqual(hash(apiKey), storedHash);
    }

    static byte[] hash(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
