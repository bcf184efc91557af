package io.polystore.incident.cli;

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
 * boot per command (a {@code @QuarkusMainTest} launch boots the whole application, 15 s or more). What only a real
 * launch shows (stdout holds nothing but the command's output, no HTTP port, help without booting) stays in the
 * {@code @QuarkusMainTest}s.
 */
@Singleton
class InProcessCli {

    record Run(int exitCode, String out, String err) {
    }

    private final CommandLine.IFactory factory;
    private final ObjectMapper mapper;

    InProcessCli(CommandLine.IFactory factory, ObjectMapper mapper) {
        this.factory = factory;
        this.mapper = mapper;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(factory, IncidentServiceMain.COMMAND_LINE);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs a command that must end with {@code expectedExitCode}. */
    Run run(int expectedExitCode, String... args) {
        Run run = run(args);
        assertEquals(expectedExitCode, run.exitCode(),
                () -> String.join(" ", args) + "\n--- stdout:\n" + run.out() + "\n--- stderr:\n" + run.err());
        return run;
    }

    Run ok(String... args) {
        return run(0, args);
    }

    /** Runs a {@code --json} command that must succeed and returns its JSON document. */
    JsonNode json(String... args) {
        return parse(ok(args));
    }

    JsonNode parse(Run run) {
        try {
            return mapper.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }
}
