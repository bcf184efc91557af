package io.polystore.payment.payment;

import io.polystore.rest.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The opaque {@code cursor} of the payment list: the last payment number of the previous page, versioned, encoded. */
final class Cursor {

    private static final String VERSION = "p1:";
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    private Cursor() {
    }

    static String after(long lastSeq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastSeq).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the number to page before, or null for the first page */
    static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(VERSION) && NUMBER.matcher(decoded.substring(VERSION.length())).matches()) {
                return Long.parseLong(decoded.substring(VERSION.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.badField("cursor", "is not a cursor this service handed out");
    }
}
