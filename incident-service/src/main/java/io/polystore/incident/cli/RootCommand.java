package io.polystore.incident.cli;

import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "incident-service", description = {
        "The incident service. Without a command (or with 'serve') it runs the HTTP service; with a command it runs that "
                + "job against the service's database and exits, without opening the HTTP port.",
        "The database comes from DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD, as for the service.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, DbCommand.class, UserCommand.class,
                ApiCommand.class, IncidentCommand.class, HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
