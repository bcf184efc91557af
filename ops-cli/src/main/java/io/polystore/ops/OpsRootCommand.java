package io.polystore.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top of a service's command line: a subclass carries the {@code @Command} annotation with the service's name,
 * description and subcommands (include {@link ServeCommand} and picocli's {@code HelpCommand}).
 */
public abstract class OpsRootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().originalArgs().isEmpty()) {
            // only options, e.g. "--verbose": the launcher did not start the HTTP server, so there is nothing to run
            spec.commandLine().getErr().println("error: missing command");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        return ServeCommand.serve();
    }
}
