package io.polystore.mandate.store;

import io.polystore.rest.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Query parameters as every list of this service reads them: exact forms, 400 naming the parameter otherwise. */
public final class Queries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** A UUID path segment, for {@code @Path("/{id: " + UUID_PATH + "}")}: anything else is a 404. */
    public static final String UUID_PATH = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UTC = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z");

    private Queries() {
    }

    /** 1 to 500, ASCII digits only ({@code Integer.parseInt} alone would take {@code +5} or {@code ٥}). */
    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (DIGITS.matcher(value).matches()) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An ISO-8601 instant in UTC ({@code 2026-11-30T08:35:51Z}); absent or empty: null. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (UTC.matcher(value).matches()) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                // the problem below
            }
        }
        throw ProblemException.badField(field, "must be an ISO-8601 instant in UTC, e.g. 2026-11-30T08:35:51Z");
    }

    /** A UUID in its canonical 8-4-4-4-12 form; absent or empty: null. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ProblemException.badField(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    /** {@code true} or {@code false} exactly; absent or empty: null. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badField(field, "must be true or false");
        };
    }
}
