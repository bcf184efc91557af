package io.polystore.gateway.ratelimit;

import io.polystore.gateway.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The rate limiter's Redis keys. Both keys of one API key share the hash tag {@code {<keyId>}}, so they live in one
 * slot and the script that touches both also runs on a Redis Cluster.
 * <ul>
 * <li>{@code <ns>rl:{<keyId>}:w}: the current window, a hash {@code start} (epoch s), {@code count} (admitted
 * requests); written only by the script, always with an expiry at the window's end.</li>
 * <li>{@code <ns>rl:{<keyId>}:limit}: a custom limit, a hash {@code requests}, {@code window} (s); written only by the
 * ops command line, no expiry (it is configuration).</li>
 * </ul>
 * With {@code RATE_LIMIT_SCOPE=user} the window is the user's ({@code <ns>rl:{u<userId>}:w}) while custom limits stay
 * per key: the limit of the key a request presents applies to the user's window. The script then touches two hash
 * slots, which a single Redis allows and a Redis Cluster does not.
 */
public final class RateLimitKeys {

    static final String WINDOW_SUFFIX = ":w";
    static final String LIMIT_SUFFIX = ":limit";

    private RateLimitKeys() {
    }

    /**
     * Whose window a request counts in: the key's id, or {@code u<userId>} when all keys of a user share one window
     * ({@code RATE_LIMIT_SCOPE=user}).
     */
    public static String windowSubject(long keyId, long userId, GatewayConfig.Scope scope) {
        return scope == GatewayConfig.Scope.USER ? "u" + userId : Long.toString(keyId);
    }

    public static String window(String namespace, long keyId) {
        return window(namespace, Long.toString(keyId));
    }

    public static String window(String namespace, String subject) {
        return namespace + "rl:{" + subject + "}" + WINDOW_SUFFIX;
    }

    public static String limit(String namespace, long keyId) {
        return namespace + "rl:{" + keyId + "}" + LIMIT_SUFFIX;
    }

    /** SCAN pattern of every custom-limit key. */
    public static String limitPattern(String namespace) {
        return escapeGlob(namespace) + "rl:{*}" + LIMIT_SUFFIX;
    }

    /** SCAN pattern of every key the rate limiter owns (windows and custom limits). */
    public static String allPattern(String namespace) {
        return escapeGlob(namespace) + "rl:{*}:*";
    }

    /** The key id inside {@code {...}}, if the key is one of the rate limiter's. */
    public static OptionalLong keyIdOf(String redisKey) {
        int open = redisKey.indexOf('{');
        int close = redisKey.indexOf('}', open + 1);
        if (open < 0 || close < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(redisKey.substring(open + 1, close)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The two keys of one decision as the bytes Redis gets, written straight from the ids (the request path allocates
     * just these two arrays).
     */
    static final class Encoder {

        private final byte[] prefix;
        private final boolean perUser;

        Encoder(String namespace, GatewayConfig.Scope scope) {
            this.prefix = (namespace + "rl:{").getBytes(StandardCharsets.UTF_8);
            this.perUser = scope == GatewayConfig.Scope.USER;
        }

        /** The window a request of this key counts in: the key's, or with RATE_LIMIT_SCOPE=user its user's. */
        byte[] window(long keyId, long userId) {
            return perUser ? encode('u', userId, WINDOW_SUFFIX) : encode((char) 0, keyId, WINDOW_SUFFIX);
        }

        byte[] limit(long keyId) {
            return encode((char) 0, keyId, LIMIT_SUFFIX);
        }

        private byte[] encode(char marker, long id, String suffix) {
            String digits = Long.toString(id);
            int markerLength = marker == 0 ? 0 : 1;
            byte[] key = new byte[prefix.length + markerLength + digits.length() + 1 + suffix.length()];
            System.arraycopy(prefix, 0, key, 0, prefix.length);
            int at = prefix.length;
            if (marker != 0) {
                key[at++] = (byte) marker;
            }
            for (int i = 0; i < digits.length(); i++) {
                key[at++] = (byte) digits.charAt(i);
            }
            key[at++] = '}';
            for (int i = 0; i < suffix.length(); i++) {
                key[at++] = (byte) suffix.charAt(i);
            }
            return key;
        }
    }

    private static String escapeGlob(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
