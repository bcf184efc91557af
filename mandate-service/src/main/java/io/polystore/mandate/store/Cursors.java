package io.polystore.mandate.store;

import io.polystore.rest.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of every list: the last id of the previous page, versioned and encoded. A cursor this
 * service did not hand out is a 400 naming {@code cursor}.
 */
public final class Cursors {

    private static final String UUID_PREFIX = "u1:";
    private static final String LONG_PREFIX = "n1:";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LONG_TEXT = Pattern.compile("[1-9][0-9]{0,17}");

    private Cursors() {
    }

    public static String after(UUID lastId) {
        return encode(UUID_PREFIX + lastId);
    }

    public static String after(long lastId) {
        return encode(LONG_PREFIX + lastId);
    }

    /** @return the id to page before, or null for the first page */
    public static UUID uuid(String cursor) {
        String value = decode(cursor, UUID_PREFIX, UUID_TEXT);
        return value == null ? null : UUID.fromString(value);
    }

    /** @return the id to page before, or null for the first page */
    public static Long number(String cursor) {
        String value = decode(cursor, LONG_PREFIX, LONG_TEXT);
        return value == null ? null : Long.parseLong(value);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String cursor, String prefix, Pattern value) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(prefix) && value.matcher(decoded.substring(prefix.length())).matches()
                    && encode(decoded).equals(cursor)) {
                return decoded.substring(prefix.length());
            }
        } catch (IllegalArgumentException e) {
            // not Base64: the problem below
        }
        throw ProblemException.badField("cursor", "is not a cursor this service handed out");
    }
}
