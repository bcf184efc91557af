package io.polystore.catalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsMain;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs commands inside a started {@code @QuarkusTest} application (inject it), with the beans the launcher uses: no
 * boot per command.
 */
@Singleton
public class InProcessCli {

    public record Run(int exitCode, String out, String err) {
    }

    private final CommandLine.IFactory factory;
    private final ObjectMapper mapper;

    InProcessCli(CommandLine.IFactory factory, ObjectMapper mapper) {
        this.factory = factory;
        this.mapper = mapper;
    }

    /** Runs a command that must end with {@code expectedExitCode}. */
    public Run run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(factory, CatalogServiceMain.COMMAND_LINE);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        Run run = new Run(commandLine.execute(args), out.toString(), err.toString());
        assertEquals(expectedExitCode, run.exitCode(),
                () -> String.join(" ", args) + "\n--- stdout:\n" + run.out() + "\n--- stderr:\n" + run.err());
        return run;
    }

    /** Runs a {@code --json} command that must end with {@code expectedExitCode}; its one JSON document. */
    public JsonNode json(int expectedExitCode, String... args) {
        Run run = run(expectedExitCode, args);
        try {
            return mapper.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }
}
