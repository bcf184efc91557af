package io.polystore.catalog.product;

import io.polystore.rest.problem.ProblemException;
import java.util.regex.Pattern;

/** Query parameters as the catalog's REST operations read them; anything invalid is a 400 naming the parameter. */
public final class QueryParams {

    /** Longest text a filter takes (process, cooling, category). */
    public static final int MAX_TEXT = ProductProperty.MAX_TEXT;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private QueryParams() {
    }

    /** ASCII digits only, from {@code min} to {@code max}; absent or empty: {@code fallback}. */
    public static Integer number(String name, String value, int min, int max, Integer fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (DIGITS.matcher(value).matches()) {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw ProblemException.badField(name, "must be a whole number from " + min + " to " + max);
    }

    /** A product type label exactly as spelled (PowerSource, ...); absent or empty: null (every type). */
    public static ProductType type(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return ProductType.fromLabel(value)
                .orElseThrow(() -> ProblemException.badField(name, "must be one of " + ProductType.labels()));
    }

    /** Text matched exactly; absent or empty: null (no filter). */
    public static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw ProblemException.badField(name, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
