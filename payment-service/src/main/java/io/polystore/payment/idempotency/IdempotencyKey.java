package io.polystore.payment.idempotency;

import io.polystore.rest.problem.ProblemException;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} request header: 1 to 255 visible ASCII characters, sent once. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Answered on a replay: the body is the first answer's, nothing new was created. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKey() {
    }

    /** The key, or null when the header is absent; 400 naming the header when it is malformed or repeated. */
    public static String parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        if (lines.size() > 1 || !VALID.matcher(lines.get(0)).matches()) {
            throw ProblemException.badField(HEADER, "must be one value of 1 to 255 visible ASCII characters");
        }
        return lines.get(0);
    }
}
