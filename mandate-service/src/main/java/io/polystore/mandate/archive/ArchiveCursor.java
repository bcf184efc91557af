package io.polystore.mandate.archive;

import io.polystore.rest.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The opaque {@code cursor} of the archive list: the row id the previous page ended at, versioned and encoded. */
final class ArchiveCursor {

    private static final String PREFIX = "archive-v1:";
    private static final Pattern ROW_ID = Pattern.compile("[1-9][0-9]{0,9}");

    private ArchiveCursor() {
    }

    static String after(long rowId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + rowId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The row id to continue below, or null for the first page; a cursor this service never made is a 400. */
    static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            decoded = "";
        }
        if (!decoded.startsWith(PREFIX) || !ROW_ID.matcher(decoded.substring(PREFIX.length())).matches()) {
            throw ProblemException.badField("cursor", "is not a cursor this service handed out");
        }
        return Long.parseLong(decoded.substring(PREFIX.length()));
    }
}
