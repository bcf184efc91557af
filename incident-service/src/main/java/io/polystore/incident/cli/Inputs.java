package io.polystore.incident.cli;

import io.polystore.incident.incident.IncidentStatus;
import io.polystore.incident.incident.Severity;
import io.polystore.ops.CliException;
import io.polystore.rest.identity.Scopes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks and conversions of command-line input; every failure here is a usage error (exit code 2). */
final class Inputs {

    private Inputs() {
    }

    /**
     * Validates {@code request} with its bean-validation constraints and names the offending options.
     *
     * @param options
     *            request property → command-line option
     */
    static void validate(Validator validator, Object request, Map<String, String> options) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw CliException.usage(violations.stream()
                    .map(v -> "invalid value for " + option(v, options) + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String option(ConstraintViolation<?> violation, Map<String, String> options) {
        String property = violation.getPropertyPath().toString();
        return options.getOrDefault(property, property);
    }

    /**
     * Asks on the terminal for an option that was not given; without a terminal (scripts, CI) the option is simply
     * missing. Picocli's own interactive options are not used: without a console they print the prompt on stdout.
     */
    static String promptIfMissing(String value, String option, String label) {
        if (value != null) {
            return value;
        }
        Console console = System.console();
        if (!interactive(console)) {
            throw CliException.usage("missing option " + option + " (no terminal to prompt on)");
        }
        String answer = console.readLine("%s: ", label);
        if (answer == null) {
            throw CliException.usage("missing option " + option + " (input ended)");
        }
        return answer;
    }

    /** Java 22+ returns a Console even without a terminal; {@code isTerminal()} then tells. */
    private static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Enums as the API spells them: lower case, case-insensitive on input. */
    abstract static class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

        private final Class<E> type;

        LowerCaseEnum(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class SeverityConverter extends LowerCaseEnum<Severity> {
        SeverityConverter() {
            super(Severity.class);
        }
    }

    static final class StatusConverter extends LowerCaseEnum<IncidentStatus> {
        StatusConverter() {
            super(IncidentStatus.class);
        }
    }

    /** A scope an API key may carry, as rest-support's {@link Scopes} names it (any case on input). */
    static final class ScopeConverter implements ITypeConverter<String>, Iterable<String> {

        @Override
        public String convert(String value) {
            String scope = value.strip().toLowerCase(Locale.ROOT);
            if (!Scopes.isKeyScope(scope)) {
                throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
            }
            return scope;
        }

        @Override
        public Iterator<String> iterator() {
            return Scopes.KEY_SCOPES.iterator();
        }
    }
}
