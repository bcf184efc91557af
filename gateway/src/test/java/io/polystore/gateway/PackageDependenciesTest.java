package io.polystore.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages depend on each other in one direction only (read from the sources' imports and fully qualified
 * names): no cycle, and in particular neither {@code auth -> ratelimit} nor {@code ratelimit -> auth}.
 */
class PackageDependenciesTest {

    static final Path SOURCES = Path.of("src/main/java/io/polystore/gateway");
    static final Pattern REFERENCE = Pattern.compile("io\\.polystore\\.gateway\\.([a-z]+)\\.");

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.containsKey("auth") && uses.containsKey("ratelimit"), uses.toString());
        assertFalse(uses.get("auth").contains("ratelimit"), "auth knows nothing of rate limiting: " + uses);
        assertFalse(uses.get("ratelimit").contains("auth"), "the limiter owns its key encoding: " + uses);
        List<String> cycle = cycle(uses);
        assertEquals(List.of(), cycle, "package cycle in " + uses);
    }

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    continue; // the root package
                }
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** A cycle among the packages (as a path that returns to its start), or an empty list. */
    static List<String> cycle(Map<String, Set<String>> uses) {
        for (String start : uses.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            if (walk(uses, start, start, path, new TreeSet<>())) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean walk(Map<String, Set<String>> uses, String start, String at, List<String> path,
            Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (walk(uses, start, next, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
