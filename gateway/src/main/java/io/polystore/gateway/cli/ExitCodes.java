package io.polystore.gateway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every ops command, listed in each {@code --help} and in the README. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything unexpected, e.g. Redis or incident-service is unreachable. */
    public static final int FAILURE = 1;
    /** Usage error or invalid input (also picocli's own code for a usage error). */
    public static final int USAGE = 2;
    /** The API key is not valid (unknown, regenerated or revoked). */
    public static final int NOT_FOUND = 3;

    private ExitCodes() {
    }

    static Map<String, String> documented() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "done");
        codes.put(" " + FAILURE, "unexpected failure, e.g. Redis or incident-service is unreachable (--verbose shows "
                + "the stack trace)");
        codes.put(" " + USAGE, "usage error or invalid input");
        codes.put(" " + NOT_FOUND, "not found: the API key is not valid (unknown, regenerated or revoked)");
        return codes;
    }

    static int of(Throwable failure) {
        return failure instanceof CliException cli ? cli.exitCode() : FAILURE;
    }
}
