package io.polystore.gateway.cli;

import io.polystore.ops.CliException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads an API key from stdin, so that it never appears on a command line (ps, shell history, audit logs): typed
 * without echo when stdin is a terminal, else the first line (e.g. {@code pass show ops/key | ... ratelimit get -}).
 */
final class ApiKeyInput {

    private ApiKeyInput() {
    }

    static String read() {
        Console console = System.console();
        if (console != null && System.in == ORIGINAL_IN) {
            char[] typed = console.readPassword("API key: ");
            if (typed == null) {
                throw CliException.usage("no API key was typed");
            }
            return new String(typed).strip();
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw CliException.usage("stdin held no API key");
            }
            return line.strip();
        } catch (IOException e) {
            throw CliException.failure("cannot read the API key from stdin: " + e.getMessage());
        }
    }

    /** stdin as the JVM started (tests replace it). */
    private static final java.io.InputStream ORIGINAL_IN = System.in;
}
