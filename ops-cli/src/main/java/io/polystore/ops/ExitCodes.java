package io.polystore.ops;

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
