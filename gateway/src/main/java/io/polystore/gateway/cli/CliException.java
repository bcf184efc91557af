package io.polystore.gateway.cli;

/** An expected way for a command to fail: its message goes to stderr (without a stack trace), its code to the shell. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException notFound(String message) {
        return new CliException(ExitCodes.NOT_FOUND, message);
    }

    static CliException failure(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }
}
