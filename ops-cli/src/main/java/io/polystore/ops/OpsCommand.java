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

    protected OpsCommand(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    protected abstract void execute();

    @Override
    public final Integer call() {
        execute();
        out().flush();
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

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A time for humans: ISO-8601 UTC to the second, "-" when unknown. */
    public static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
