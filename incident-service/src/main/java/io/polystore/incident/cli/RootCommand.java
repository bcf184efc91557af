package io.polystore.incident.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "incident-service", description = {
        "The incident service. Without a command (or with 'serve') it runs the HTTP service; with a command it runs that "
                + "job against the service's database and exits, without opening the HTTP port.",
        "The database comes from DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD, as for the service.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, DbCommand.class, UserCommand.class,
                ApiCommand.class, IncidentCommand.class, HelpCommand.class})
public class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().originalArgs().isEmpty()) {
            // only options, e.g. "--verbose": the launcher did not start the HTTP service, so there is nothing to run
            spec.commandLine().getErr().println("error: missing command");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        return ServeCommand.serve();
    }
}
