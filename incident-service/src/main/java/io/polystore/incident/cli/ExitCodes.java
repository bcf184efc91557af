package io.polystore.incident.cli;

import io.polystore.rest.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every ops command, listed in each {@code --help} and in the README. The one place where failures
 * become exit codes: {@link #of(Throwable)}.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything unexpected, e.g. the database is unreachable. */
    public static final int FAILURE = 1;
    /** Usage error or invalid input (also picocli's own code for a usage error). */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** Duplicate email, status transition not allowed. */
    public static final int CONFLICT = 4;
    /** A destructive command without {@code --yes}. */
    public static final int REFUSED = 5;

    private ExitCodes() {
    }

    /** For picocli's "Exit codes" section of every help page. */
    static Map<String, String> documented() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "done");
        codes.put(" " + FAILURE,
                "unexpected failure, e.g. the database is unreachable (--verbose shows the stack trace)");
        codes.put(" " + USAGE, "usage error or invalid input");
        codes.put(" " + NOT_FOUND, "not found: user, API key or incident");
        codes.put(" " + CONFLICT, "conflict: duplicate email, status transition not allowed");
        codes.put(" " + REFUSED, "refused: destructive command without --yes");
        return codes;
    }

    /** The HTTP status of a service's problem, as an exit code. */
    static int forStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400, 422 -> USAGE;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> FAILURE;
        };
    }

    static int of(Throwable failure) {
        if (failure instanceof CliException cli) {
            return cli.exitCode();
        }
        if (failure instanceof ProblemException problem) {
            return forStatus(problem.problem().status());
        }
        if (failure instanceof jakarta.validation.ConstraintViolationException) {
            return USAGE;
        }
        return FAILURE;
    }
}
