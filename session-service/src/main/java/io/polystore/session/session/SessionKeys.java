package io.polystore.session.session;

/**
 * The Redis key namespace this service owns (documented in the README): {@code session:{id}} (hash) and
 * {@code user:{userId}:sessions} (set of session ids).
 */
public final class SessionKeys {

    /** Hash field holding the owner's id. */
    static final String USER_ID = "userId";
    /** Hash field holding the creation instant, ISO-8601 UTC. */
    static final String CREATED_AT = "createdAt";
    /** Prefix of the hash fields that hold the session's attributes, so they never clash with the fields above. */
    static final String ATTRIBUTE_PREFIX = "attr:";

    private SessionKeys() {
    }

    public static String session(String sessionId) {
        return "session:" + sessionId;
    }

    public static String userSessions(String userId) {
        return "user:" + userId + ":sessions";
    }
}
