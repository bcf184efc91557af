package io.polystore.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every ops command line uses; each service says in {@link OpsCommandLine#exitCodes()} what they mean
 * for its commands, and lists them in its README.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything unexpected, e.g. the store is unreachable. */
    public static final int FAILURE = 1;
    /** Usage error or invalid input (also picocli's own code for a usage error). */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** The request contradicts what is stored, e.g. a duplicate. */
    public static final int CONFLICT = 4;
    /** A destructive command without {@code --yes}. */
    public static final int REFUSED = 5;

    private ExitCodes() {
    }

    /**
     * The meanings of 0 to 3, in order, for {@link OpsCommandLine#exitCodes()}; a service adds its own after them.
     *
     * @param unexpectedExample
     *            what typically fails unexpectedly, e.g. "the database is unreachable"
     * @param notFound
     *            what its commands do not find, e.g. "user, API key or incident"
     */
    public static Map<Integer, String> documented(String unexpectedExample, String notFound) {
        Map<Integer, String> codes = new LinkedHashMap<>();
        codes.put(OK, "done");
        codes.put(FAILURE, "unexpected failure, e.g. " + unexpectedExample + " (--verbose shows the stack trace)");
        codes.put(USAGE, "usage error or invalid input");
        codes.put(NOT_FOUND, "not found: " + notFound);
        return codes;
    }

    /** The HTTP status of a service's problem, as an exit code. */
    public static int forHttpStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400, 422 -> USAGE;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> FAILURE;
        };
    }
}
