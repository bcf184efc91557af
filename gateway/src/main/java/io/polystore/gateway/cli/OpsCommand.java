package io.polystore.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A leaf command: runs once, prints either human text or (with {@code --json}) exactly one JSON document on stdout, and
 * fails by throwing ({@link CliException}) so that {@link FailureHandler} picks the exit code.
 */
abstract class OpsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout instead of text.")
    boolean json;

    private final ObjectMapper mapper;

    OpsCommand(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    protected abstract void execute();

    @Override
    public final Integer call() {
        execute();
        out().flush();
        return ExitCodes.OK;
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

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static String time(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
