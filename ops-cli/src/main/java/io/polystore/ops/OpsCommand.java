package io.polystore.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A leaf command: runs once, prints either human text or (with {@code --json}) exactly one JSON document on stdout, and
 * fails by throwing ({@link CliException}, or anything the service's {@link OpsCommandLine} knows) so that the launcher
 * picks the exit code and prints one line on stderr.
 */
public abstract class OpsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout instead of text.")
    boolean json;

    private final ObjectMapper mapper;
    private PrintWriter humanOut;
    private PrintWriter humanErr;

    protected OpsCommand(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    protected abstract void execute();

    @Override
    public final Integer call() {
        try {
            execute();
        } finally {
            out().flush();
            if (humanErr != null) {
                humanErr.flush();
            }
        }
        return ExitCodes.OK;
    }

    /** Runs a reactive call from the command thread (a bare await has no Vert.x context there). */
    public static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }

    /** The document as JSON with {@code --json}, otherwise the text that {@code human} writes. */
    protected void print(Object document, Consumer<PrintWriter> human) {
        if (json) {
            try {
                out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            human.accept(out());
        }
    }

    protected boolean json() {
        return json;
    }

    /**
     * stdout. For human output (no {@code --json}) everything written is escaped for the terminal ({@link Terminal}):
     * API-supplied text cannot send control sequences to the operator's terminal.
     */
    protected PrintWriter out() {
        PrintWriter raw = spec.commandLine().getOut();
        if (json) {
            return raw; // one JSON document; its encoder escapes control characters in strings
        }
        if (humanOut == null) {
            humanOut = Terminal.escaping(raw);
        }
        return humanOut;
    }

    /** stderr, escaped for the terminal. */
    protected PrintWriter err() {
        if (humanErr == null) {
            humanErr = Terminal.escaping(spec.commandLine().getErr());
        }
        return humanErr;
    }

    /** A time for humans: ISO-8601 UTC to the second, "-" when unknown. */
    public static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
