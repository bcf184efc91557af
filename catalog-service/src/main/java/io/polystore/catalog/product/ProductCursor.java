package io.polystore.catalog.product;

import io.polystore.rest.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque keyset cursor of the product list: the last GIN of a page. Anything that is not one this service wrote is
 * a 400 naming {@code cursor}.
 */
final class ProductCursor {

    private static final String PREFIX = "gin:";
    private static final Pattern GIN = Pattern.compile("[0-9A-Za-z]{1,64}");

    private ProductCursor() {
    }

    static String encode(String lastGin) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastGin).getBytes(StandardCharsets.UTF_8));
    }

    /** The GIN after which the page starts; null for the first page. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX) || !GIN.matcher(text.substring(PREFIX.length())).matches()
                || !encode(text.substring(PREFIX.length())).equals(cursor)) {
            throw invalid();
        }
        return text.substring(PREFIX.length());
    }

    private static ProblemException invalid() {
        return ProblemException.badField("cursor", "is not a cursor this list returned");
    }
}
