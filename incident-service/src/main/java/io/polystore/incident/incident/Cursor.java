package io.polystore.incident.incident;

import io.polystore.rest.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The opaque {@code cursor} of the incident list: the last id of the previous page, versioned and encoded. */
final class Cursor {

    private static final String VERSION = "v1:";
    /**
     * As {@link #after} writes it: no sign, no leading zero, ASCII digits ({@code Long.parseLong} alone takes more).
     */
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private Cursor() {
    }

    static String after(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the id to page before, or null for the first page */
    static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(VERSION) && ID.matcher(decoded.substring(VERSION.length())).matches()) {
                long id = Long.parseLong(decoded.substring(VERSION.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below: NumberFormatException is an IllegalArgumentException too
        }
        throw ProblemException.badField("cursor", "is not a cursor this service handed out");
    }
}
