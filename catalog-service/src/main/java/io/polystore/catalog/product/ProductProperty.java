package io.polystore.catalog.product;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One property a product type carries, named in the graph as the seed names it ({@code current_output}) and in JSON in
 * camelCase ({@code currentOutput}). A measure is free text with a unit, as the seed writes it ({@code "500 A"}); the
 * import also writes its numeric copy ({@code current_output_a}), which the filters and the package builder use.
 *
 * @param name
 *            the node property
 * @param field
 *            the JSON member (import/export lines and the REST answers)
 * @param kind
 *            what values it takes
 * @param unit
 *            a measure's unit (A, m); null otherwise
 */
public record ProductProperty(String name, String field, Kind kind, String unit) {

    /** Longest text value; a product's name has its own limit ({@link Product#MAX_NAME}). */
    public static final int MAX_TEXT = 200;

    public enum Kind {
        /** Free text. */
        TEXT,
        /** Text with a number and a unit, e.g. {@code "500 A"}; its numeric copy is written next to it. */
        MEASURE,
        /** true or false. */
        FLAG
    }

    static ProductProperty text(String name) {
        return new ProductProperty(name, camelCase(name), Kind.TEXT, null);
    }

    static ProductProperty measure(String name, String unit) {
        return new ProductProperty(name, camelCase(name), Kind.MEASURE, unit);
    }

    static ProductProperty flag(String name) {
        return new ProductProperty(name, camelCase(name), Kind.FLAG, null);
    }

    /** The node property holding a measure's number: {@code current_output} in A is {@code current_output_a}. */
    public String numericName() {
        return name + "_" + unit.toLowerCase(Locale.ROOT);
    }

    /** The JSON member of a measure's number, e.g. {@code currentOutputA}. */
    public String numericField() {
        return camelCase(numericName());
    }

    /**
     * The number in a measure's text: {@code "500 A"} or {@code "500A"} is 500 (a whole number for amperes), {@code
     * "2.5 m"} is 2.5. Empty when the text is not a number followed by this property's unit.
     */
    public Optional<Number> parse(String text) {
        Matcher matcher = Pattern.compile("(\\d{1,6})(\\.\\d{1,3})? ?" + Pattern.quote(unit)).matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(2) == null) {
            return Optional.of(Long.parseLong(matcher.group(1)));
        }
        return Optional.of(Double.parseDouble(matcher.group(1) + matcher.group(2)));
    }

    /** What a measure's text must look like, for error messages. */
    public String example() {
        return "a number and the unit " + unit + ", e.g. \"" + ("A".equals(unit) ? "500 A" : "5 m") + "\"";
    }

    static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
