package io.polystore.payment.audit;

/**
 * Who acted and from where, for the audit trail.
 *
 * @param keyId
 *            the API key; null for the ops command line
 * @param userId
 *            the key's user; null for the ops command line
 * @param userAgent
 *            at most {@link #USER_AGENT_MAX} characters (longer is cut)
 * @param ipAddress
 *            the client address as the gateway saw it
 */
public record Actor(Long keyId, Long userId, String userAgent, String ipAddress) {

    public static final int USER_AGENT_MAX = 512;
    static final int IP_MAX = 45;

    public Actor {
        userAgent = cut(userAgent, USER_AGENT_MAX);
        ipAddress = cut(ipAddress, IP_MAX);
    }

    /** The ops command line: no key, no user, no address. */
    public static Actor commandLine() {
        return new Actor(null, null, "payment-service ops", null);
    }

    private static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
