package io.polystore.incident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.ExitCodes;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs commands and reads their output. In tests, {@code getOutput()} holds stdout and the log lines (the test harness
 * captures logging there, whatever the console handler's target); {@code getErrorOutput()} holds what the command wrote
 * to stderr.
 */
final class CliResults {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * A log record ("2026-01-01 10:00:00,000 INFO [...]"), a continuation line of one (tab-indented, as stack frames,
     * or a "Caused by:"), or a blank line. The commands indent with spaces only.
     */
    private static final Pattern LOG_LINE = Pattern
            .compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*|\\t.*|Caused by: .*|\\s*)$");

    private CliResults() {
    }

    static LaunchResult run(QuarkusMainLauncher launcher, int expectedExitCode, String... args) {
        LaunchResult result = launcher.launch(args);
        assertEquals(expectedExitCode, result.exitCode(), () -> String.join(" ", args) + "\n--- stdout and logs:\n"
                + result.getOutput() + "\n--- stderr:\n" + result.getErrorOutput());
        return result;
    }

    /** Runs a {@code --json} command that must succeed and returns its one JSON document. */
    static JsonNode json(QuarkusMainLauncher launcher, String... args) {
        return json(run(launcher, ExitCodes.OK, args));
    }

    /**
     * The one JSON document of stdout: everything that is not a log line must parse as exactly one document (trailing
     * tokens fail), so nothing else was printed on stdout.
     */
    static JsonNode json(LaunchResult result) {
        String stdout = stdout(result);
        try {
            return STRICT.readTree(stdout);
        } catch (IOException e) {
            return fail("stdout is not exactly one JSON document: " + e.getMessage() + "\n" + stdout);
        }
    }

    /** Captured output without log lines: what the command printed on stdout. */
    static String stdout(LaunchResult result) {
        return Arrays.stream(result.getOutput().split("\\R"))
                .filter(line -> !LOG_LINE.matcher(line).matches())
                .collect(Collectors.joining("\n"));
    }

    static String uniqueEmail(String what) {
        return what + "-" + UUID.randomUUID() + "@example.com";
    }
}
