package io.polystore.rest.json;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an API's enums exactly as the OpenAPI document spells them: each constant has one spelling (e.g. its
 * {@code value()}, {@code "low"}), and only that spelling is that constant. {@code " low "}, {@code "LOW"} or
 * {@code "Low"} are not {@code low}: Jackson's own enum reading trims whitespace, so each enum reads itself through
 * {@link #fromJson} from a {@code @JsonCreator}, and a query parameter through {@link #exactly}. No case mapping is
 * involved anywhere, so no default locale can change a value.
 *
 * <pre>
 * &#64;JsonCreator
 * static Severity fromJson(String value) throws InvalidFormatException {
 *     return ApiEnum.fromJson(Severity.class, Severity::value, value);
 * }
 * </pre>
 *
 * An unknown spelling read from JSON is a 400 naming the field and listing the values (the chassis' problem mappers
 * print each constant's {@code toString()}, so an enum's {@code toString()} returns its spelling).
 */
public final class ApiEnum {

    private ApiEnum() {
    }

    /** The constant spelled exactly {@code value}, or null. */
    public static <E extends Enum<E>> E exactly(Class<E> type, Function<E, String> spelling, String value) {
        for (E constant : type.getEnumConstants()) {
            if (spelling.apply(constant).equals(value)) {
                return constant;
            }
        }
        return null;
    }

    /** Every constant's spelling, in declaration order: for messages such as "must be one of [low, medium]". */
    public static <E extends Enum<E>> List<String> spellings(Class<E> type, Function<E, String> spelling) {
        return Arrays.stream(type.getEnumConstants()).map(spelling).toList();
    }

    /**
     * For a {@code @JsonCreator}: an unknown spelling is an {@link InvalidFormatException} on the enum type, which the
     * chassis answers with a 400 naming the field and listing the values (each constant's {@code toString()}).
     */
    public static <E extends Enum<E>> E fromJson(Class<E> type, Function<E, String> spelling, String value)
            throws InvalidFormatException {
        E constant = exactly(type, spelling, value);
        if (constant == null) {
            throw new InvalidFormatException(null, "not one of " + spellings(type, spelling), value, type);
        }
        return constant;
    }

    /**
     * A query parameter (or header) holding one of the enum's spellings: null when absent or empty (no filter), else
     * the constant spelled exactly so, or a 400 naming {@code field} and listing the spellings.
     */
    public static <E extends Enum<E>> E fromQuery(Class<E> type, Function<E, String> spelling, String field,
            String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        E constant = exactly(type, spelling, value);
        if (constant == null) {
            throw ProblemException.badField(field, "must be one of " + spellings(type, spelling));
        }
        return constant;
    }
}
