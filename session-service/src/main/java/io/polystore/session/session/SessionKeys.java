package io.polystore.session.session;

/**
 * The Redis keys this service owns (the README's key schema): {@code session:{id}} (the session's JSON),
 * {@code user:{userId}:sessions} (sorted set: the user's session ids by expiry), and the two sorted sets of the archive
 * hand-over, {@code sessions:archive-due} (when a sweeper may next take each session; a claim pushes it out by the
 * lease) and {@code sessions:archive-deadline} (when each became or becomes due; never moved by a claim, so the oldest
 * one tells how far behind archiving is).
 */
public final class SessionKeys {

    public static final String SESSION_PREFIX = "session:";
    public static final String ARCHIVE_DUE = "sessions:archive-due";
    public static final String ARCHIVE_DEADLINE = "sessions:archive-deadline";

    private SessionKeys() {
    }

    public static String session(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    public static String userSessions(String userId) {
        return "user:" + userId + ":sessions";
    }
}
