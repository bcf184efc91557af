package io.polystore.gateway.ratelimit;

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
 */
public final class RateLimitKeys {

    static final String WINDOW_SUFFIX = ":w";
    static final String LIMIT_SUFFIX = ":limit";

    private RateLimitKeys() {
    }

    public static String window(String namespace, long keyId) {
        return namespace + "rl:{" + keyId + "}" + WINDOW_SUFFIX;
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
