package io.polystore.rest.identity;

/**
 * Who is calling, as the gateway established it from the API key. The gateway strips these headers from outside
 * requests and sets them itself, so a service trusts them only because it is reachable through the gateway alone.
 */
public record Caller(long userId, long keyId) {

    public static final String USER_ID_HEADER = "X-Polystore-User-Id";
    public static final String KEY_ID_HEADER = "X-Polystore-Key-Id";
}
