package io.polystore.ops;

import java.util.Map;

/**
 * What one service's command line adds to the shared conventions: its root command, the meaning of its exit codes, how
 * its failures read, and what an ops run changes in its configuration. Implemented once per service and passed to
 * {@link OpsMain}.
 */
public interface OpsCommandLine {

    /** The {@link OpsRootCommand} subclass whose {@code @Command} lists the service's commands. */
    Class<? extends OpsRootCommand> rootCommand();

    /** What each exit code means for this service's commands, in order, for the "Exit codes" section of every help. */
    Map<Integer, String> exitCodes();

    /** The exit code of a failure that is not a {@link CliException}. */
    default int exitCode(Throwable failure) {
        return ExitCodes.FAILURE;
    }

    /**
     * The one line printed on stderr for a failure that is not a {@link CliException}. The default: the failure's own
     * message for an expected exit code, the distinct messages of its cause chain for an unexpected one.
     */
    default String describe(Throwable failure, int exitCode) {
        return exitCode == ExitCodes.FAILURE ? Failures.causeChain(failure) : failure.getMessage();
    }

    /** Removes secrets from a message before it is printed (picocli repeats offending arguments in its messages). */
    default String redact(String message) {
        return message;
    }

    /**
     * Configuration an ops run sets before Quarkus boots, on top of the shared ones (no HTTP port, no banner, logs on
     * stderr, WARN unless {@code --verbose}). Boot decides these, so they cannot be changed by the command itself.
     *
     * @param command
     *            the first argument that is not an option
     * @param verbose
     *            whether {@code --verbose} was given
     */
    default Map<String, String> opsProperties(String command, boolean verbose) {
        return Map.of();
    }
}
