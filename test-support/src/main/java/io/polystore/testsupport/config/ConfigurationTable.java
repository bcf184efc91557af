package io.polystore.testsupport.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds a README's configuration table against the service's {@code @ConfigMapping}, so the two cannot drift: the same
 * variables, each with the mapping's default. The convention it checks: an operator's variable is the environment form
 * of a mapping property ({@code db.pool-size} is {@code DB_POOL_SIZE}), and defaults are written once, in the mapping
 * ({@code @WithDefault}).
 * <p>
 * The table is the first one under the README's {@code ## Configuration} heading: {@code | `VARIABLE` | default |
 * meaning |}, the default in backticks, or {@code —} (optionally followed by words, e.g. {@code — (required)}) for a
 * property without one.
 */
public final class ConfigurationTable {

    /** One property of a mapping: its environment variable, its name, and its default ({@code null}: none). */
    public record Entry(String variable, String property, String defaultValue) {
    }

    private ConfigurationTable() {
    }

    public static void assertReadmeMatches(Class<?> mapping, Path readme) {
        Map<String, Entry> expected = new TreeMap<>();
        of(mapping).forEach(entry -> expected.put(entry.variable(), entry));
        Map<String, String> documented = table(readme);
        List<String> problems = new ArrayList<>();
        expected.keySet().stream().filter(variable -> !documented.containsKey(variable))
                .forEach(variable -> problems.add(variable + " (" + expected.get(variable).property()
                        + ") is in the mapping but not in the README"));
        documented.keySet().stream().filter(variable -> !expected.containsKey(variable))
                .forEach(variable -> problems.add(variable + " is in the README but not in " + mapping.getName()));
        expected.values().stream().filter(entry -> documented.containsKey(entry.variable()))
                .filter(entry -> !String.valueOf(entry.defaultValue())
                        .equals(String.valueOf(documented.get(entry.variable()))))
                .forEach(entry -> problems.add(entry.variable() + ": the README says default "
                        + shown(documented.get(entry.variable())) + ", the mapping " + shown(entry.defaultValue())));
        if (!problems.isEmpty()) {
            fail(readme.toAbsolutePath() + " and " + mapping.getSimpleName() + " disagree:\n  "
                    + String.join("\n  ", problems));
        }
        assertEquals(expected.size(), documented.size());
    }

    /** Every property of the mapping, nested groups included, sorted by variable. */
    public static List<Entry> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getName() + " is not a @ConfigMapping");
        }
        List<Entry> entries = new ArrayList<>();
        walk(mapping, annotation.prefix(), entries);
        entries.sort(Comparator.comparing(Entry::variable));
        return entries;
    }

    /** The README's configuration table: variable → default ({@code null} for none). */
    public static Map<String, String> table(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> table = new LinkedHashMap<>();
        boolean inSection = false;
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                if (inTable) {
                    break;
                }
                inSection = line.startsWith("## Configuration");
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|", -1);
            if (cells.length < 4 || cells[1].isBlank() || cells[1].contains("---")
                    || !cells[1].trim().startsWith("`")) {
                continue;
            }
            String variable = cells[1].trim().replace("`", "");
            String value = cells[2].trim();
            table.put(variable, value.startsWith("—") ? null : value.replace("`", ""));
        }
        if (table.isEmpty()) {
            fail(readme.toAbsolutePath() + " has no configuration table under '## Configuration'");
        }
        return table;
    }

    private static void walk(Class<?> type, String prefix, List<Entry> entries) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class)
                    ? ""
                    : method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value()
                            : kebab(method.getName());
            String property = prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "." + name;
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && !returned.getName().startsWith("java.")) {
                walk(returned, property, entries);
                continue;
            }
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            String defaultValue = withDefault == null || returned == Optional.class ? null : withDefault.value();
            entries.add(new Entry(variable(property), property, defaultValue));
        }
    }

    /** {@code db.pool-size} → {@code DB_POOL_SIZE}, as SmallRye Config matches environment variables. */
    public static String variable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String shown(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
