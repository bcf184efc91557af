package io.polystore.gateway.auth;

import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import java.util.Set;

/**
 * Who a verified key belongs to, with what a request needs prepared once per verification: the key's scopes and the
 * signed identity token the services get, re-signed only shortly before it expires. {@link #REFUSED} stands for a key
 * that incident-service did not accept.
 */
public final class Identity {

    static final Identity REFUSED = new Identity(-1, -1, Set.of());
    /** incident-service could not say (unreachable, slow, unexpected answer): never cached, the request gets 503. */
    static final Identity UNAVAILABLE = new Identity(-2, -2, Set.of());

    private final long keyId;
    private final long userId;
    private final Set<String> scopes;
    private final String scopeClaim;
    private volatile IdentitySigner.SignedToken token;
    /** When incident-service last confirmed this answer ({@link System#nanoTime()}). */
    private volatile long verifiedAt = System.nanoTime();
    private volatile boolean refreshing;

    private Identity(long keyId, long userId, Set<String> scopes) {
        this.keyId = keyId;
        this.userId = userId;
        this.scopes = Set.copyOf(scopes);
        this.scopeClaim = Scopes.format(scopes);
    }

    public static Identity of(long keyId, long userId, Set<String> scopes) {
        return new Identity(keyId, userId, scopes);
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

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The {@code Authorization} value the services get for this key; signs a new token only when it is due. */
    public String authorization(IdentitySigner signer) {
        IdentitySigner.SignedToken current = token;
        if (current == null || current.renewDue(System.currentTimeMillis())) {
            current = signer.user(userId, keyId, scopeClaim);
            token = current; // two event loops may both sign once: harmless, the later one stays
        }
        return current.authorization();
    }

    /** The same key, user and scopes: a re-verification that changes nothing keeps this object and its token. */
    boolean sameAs(Identity other) {
        return keyId == other.keyId && userId == other.userId && scopes.equals(other.scopes);
    }

    /** True for the one caller that should re-verify this answer now (older than {@code refreshAfterNanos}). */
    boolean claimRefresh(long refreshAfterNanos) {
        if (refreshing || System.nanoTime() - verifiedAt < refreshAfterNanos || this == UNAVAILABLE) {
            return false;
        }
        synchronized (this) {
            if (refreshing) {
                return false;
            }
            refreshing = true;
            return true;
        }
    }

    /** The re-verification ended: confirmed answers count from now. */
    void refreshed(boolean confirmed) {
        if (confirmed) {
            verifiedAt = System.nanoTime();
        }
        refreshing = false;
    }

    @Override
    public String toString() {
        return accepted()
                ? "Identity[keyId=" + keyId + ", userId=" + userId + ", scopes=" + scopeClaim + "]"
                : unavailable() ? "Identity[unavailable]" : "Identity[refused]";
    }
}
