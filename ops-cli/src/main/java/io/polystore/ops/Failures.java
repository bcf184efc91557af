package io.polystore.ops;

import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Reading what a command threw, for {@link OpsCommandLine#describe} and {@link OpsCommandLine#exitCode}. */
public final class Failures {

    private Failures() {
    }

    /** The failure inside the wrappers that futures, reflection and picocli put around it. */
    public static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException
                || failure instanceof InvocationTargetException || failure instanceof CommandLine.ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** The distinct messages of the cause chain: the outermost says what failed, the innermost why. */
    public static String causeChain(Throwable failure) {
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

    /** Whether the failure or any of its causes matches. */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection was refused somewhere in the cause chain: the store or service is not running. */
    public static boolean connectionRefused(Throwable failure) {
        return anyCause(failure, t -> t instanceof ConnectException
                || String.valueOf(t.getMessage()).contains("Connection refused"));
    }
}
