package io.polystore.ops;

/** An expected way for a command to fail: its message goes to stderr (without a stack trace), its code to the shell. */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    public static CliException notFound(String message) {
        return new CliException(ExitCodes.NOT_FOUND, message);
    }

    public static CliException refused(String message) {
        return new CliException(ExitCodes.REFUSED, message);
    }

    public static CliException failure(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }
}
