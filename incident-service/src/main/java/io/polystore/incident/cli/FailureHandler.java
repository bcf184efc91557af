package io.polystore.incident.cli;

import io.polystore.rest.problem.ProblemException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on stderr and an exit code ({@link ExitCodes#of}). The stack trace is
 * printed only with {@code --verbose}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final String DATABASE_HINT = "cannot reach the database (check DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)";
    static final String SCHEMA_HINT = "a table is missing: is the schema migrated? (see 'db status', run 'db init')";

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parsed) {
        Throwable failure = unwrap(thrown);
        int code = ExitCodes.of(failure);
        PrintWriter err = commandLine.getErr();
        err.println("error: " + message(failure, code));
        if (Cli.verbose(parsed)) {
            failure.printStackTrace(err);
        } else if (code == ExitCodes.FAILURE) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException
                || failure instanceof InvocationTargetException || failure instanceof CommandLine.ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String message(Throwable failure, int code) {
        if (failure instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        if (code != ExitCodes.FAILURE) {
            return failure.getMessage();
        }
        String chain = causeChain(failure);
        if (unreachable(failure)) {
            return DATABASE_HINT + ": " + chain;
        }
        return chain.contains("errorCode=1146") || chain.contains("SQLState: 42S02")
                ? SCHEMA_HINT + ": " + chain
                : chain;
    }

    /** The distinct messages of the cause chain: the outermost says what failed, the innermost why. */
    private static String causeChain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || String.valueOf(t.getMessage()).contains("Connection refused")
                    || String.valueOf(t.getMessage()).contains("Unable to obtain connection")) {
                return true;
            }
        }
        return false;
    }
}
