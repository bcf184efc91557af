package io.polystore.gateway.auth;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Where a caller presents its key, and what a key looks like: {@code psk_<prefix>.<secret>}, a 12-character public
 * prefix and a 43-character secret, both base64url (incident-service's format). Anything else is refused without asking
 * incident-service, so garbage costs neither a verification nor a cache entry.
 */
public final class ApiKeys {

    public static final CharSequence X_API_KEY = HttpHeaders.createOptimized("x-api-key");

    static final String SCHEME = "psk_";
    /** What every key starts with, its public prefix and the whole key alike. */
    public static final String SCHEME_PREFIX = SCHEME;
    static final int PREFIX_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    static final int LENGTH = SCHEME.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;

    private static final String BEARER = "bearer ";

    private ApiKeys() {
    }

    /** The key from {@code X-API-Key}, else from {@code Authorization: Bearer}; null when neither carries one. */
    public static String presented(MultiMap headers) {
        String key = headers.get(X_API_KEY);
        if (key != null) {
            key = key.strip();
            return key.isEmpty() ? null : key;
        }
        return bearer(headers.get(HttpHeaders.AUTHORIZATION));
    }

    static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = authorization.substring(BEARER.length()).strip();
        return key.isEmpty() ? null : key;
    }

    /** True when {@code key} has the shape of a Polystore API key (it may still be unknown). */
    public static boolean wellFormed(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(SCHEME)) {
            return false;
        }
        int dot = SCHEME.length() + PREFIX_LENGTH;
        for (int i = SCHEME.length(); i < LENGTH; i++) {
            char c = key.charAt(i);
            if (i == dot ? c != '.' : !base64url(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean base64url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** For messages: the public prefix only, never the secret. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf(SCHEME);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int end = at + SCHEME.length();
            while (end < text.length() && (base64url(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            int dot = text.indexOf('.', at);
            int keep = dot > at && dot < end ? dot : Math.min(end, at + SCHEME.length() + PREFIX_LENGTH);
            out.append(text, from, keep).append(end > keep ? ".<redacted>" : "");
            from = end;
            at = text.indexOf(SCHEME, end);
        }
        return out.append(text, from, text.length()).toString();
    }
}
