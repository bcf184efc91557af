package io.polystore.gateway.cli;

import io.polystore.gateway.auth.ApiKeys;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on stderr and an exit code ({@link ExitCodes#of}). The stack trace is
 * printed only with {@code --verbose}. Anything that looks like an API key is redacted to its public prefix.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final String REDIS_HINT = "cannot reach Redis (check REDIS_URL, or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD)";

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parsed) {
        Throwable failure = unwrap(thrown);
        int code = ExitCodes.of(failure);
        PrintWriter err = commandLine.getErr();
        err.println("error: " + ApiKeys.redact(message(failure, code)));
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
        if (failure instanceof CliException) {
            return failure.getMessage();
        }
        String chain = causeChain(failure);
        return code == ExitCodes.FAILURE && unreachable(failure) ? REDIS_HINT + ": " + chain : chain;
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
            if (t instanceof ConnectException || String.valueOf(t.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
