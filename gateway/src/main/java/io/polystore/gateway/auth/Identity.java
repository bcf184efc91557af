package io.polystore.gateway.auth;

import io.polystore.gateway.ratelimit.RateLimitKeys;
import java.nio.charset.StandardCharsets;

/**
 * Who a verified key belongs to, with everything a request needs prepared once per verification: header values and the
 * key's rate-limit Redis keys. {@link #REFUSED} stands for a key that incident-service did not accept.
 */
public final class Identity {

    static final Identity REFUSED = new Identity(-1, -1, null, null, null);
    /** incident-service could not say (unreachable, slow, unexpected answer): never cached, the request gets 503. */
    static final Identity UNAVAILABLE = new Identity(-2, -2, null, null, null);

    private final long keyId;
    private final long userId;
    private final String keyIdText;
    private final String userIdText;
    private final byte[] windowKey;
    private final byte[] limitKey;

    private Identity(long keyId, long userId, String keyIdText, byte[] windowKey, byte[] limitKey) {
        this.keyId = keyId;
        this.userId = userId;
        this.keyIdText = keyIdText;
        this.userIdText = keyId < 0 ? null : Long.toString(userId);
        this.windowKey = windowKey;
        this.limitKey = limitKey;
    }

    /**
     * @param redisNamespace
     *            the gateway's key prefix, e.g. {@code gateway:}
     */
    public static Identity of(long keyId, long userId, String redisNamespace) {
        return new Identity(keyId, userId, Long.toString(keyId),
                RateLimitKeys.window(redisNamespace, keyId).getBytes(StandardCharsets.UTF_8),
                RateLimitKeys.limit(redisNamespace, keyId).getBytes(StandardCharsets.UTF_8));
    }

    public boolean accepted() {
        return keyId >= 0;
    }

    /** True when incident-service could not answer, so nothing is known about the key. */
    public boolean unavailable() {
        return this == UNAVAILABLE;
    }

    public long keyId() {
        return keyId;
    }

    public long userId() {
        return userId;
    }

    public String keyIdText() {
        return keyIdText;
    }

    public String userIdText() {
        return userIdText;
    }

    /** The Redis hash with the current window of this key ({@code start}, {@code count}). */
    public byte[] windowKey() {
        return windowKey;
    }

    /** The Redis hash with this key's custom limit, if any ({@code requests}, {@code window}). */
    public byte[] limitKey() {
        return limitKey;
    }

    @Override
    public String toString() {
        return accepted()
                ? "Identity[keyId=" + keyId + ", userId=" + userId + "]"
                : unavailable() ? "Identity[unavailable]" : "Identity[refused]";
    }
}
