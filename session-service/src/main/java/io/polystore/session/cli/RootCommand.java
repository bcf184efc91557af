package io.polystore.session.cli;

import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "session-service", description = {
        "The session service. Without a command (or with 'serve') it runs the HTTP service; with a command it runs that "
                + "job against the service's Redis and exits, without opening the HTTP port.",
        "Redis comes from REDIS_URL (or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD), the archive from MANDATE_SERVICE_URL, "
                + "as for the service.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, SessionCommand.class, SweepCommand.class, StatsCommand.class,
                HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
