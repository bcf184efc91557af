package io.polystore.incident.incident;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The enums of the API (status, severity) as clients spell them: lower case, matched exactly. {@code " low "},
 * {@code "LOW"} or {@code "Low"} are not {@code low}: Jackson's own enum reading trims whitespace, so each enum reads
 * itself through {@link #fromJson}. No case mapping is involved anywhere, so no default locale can change a value.
 */
final class ApiEnum {

    private ApiEnum() {
    }

    /** The constant spelled exactly {@code value}, or null. */
    static <E extends Enum<E>> E exactly(Class<E> type, Function<E, String> spelling, String value) {
        for (E constant : type.getEnumConstants()) {
            if (spelling.apply(constant).equals(value)) {
                return constant;
            }
        }
        return null;
    }

    static <E extends Enum<E>> List<String> spellings(Class<E> type, Function<E, String> spelling) {
        return Arrays.stream(type.getEnumConstants()).map(spelling).toList();
    }

    /**
     * For a {@code @JsonCreator}: an unknown spelling is an {@link InvalidFormatException} on the enum type, which the
     * chassis answers with a 400 naming the field and listing the values (each constant's {@code toString()}).
     */
    static <E extends Enum<E>> E fromJson(Class<E> type, Function<E, String> spelling, String value)
            throws InvalidFormatException {
        E constant = exactly(type, spelling, value);
        if (constant == null) {
            throw new InvalidFormatException(null, "not one of " + spellings(type, spelling), value, type);
        }
        return constant;
    }
}
