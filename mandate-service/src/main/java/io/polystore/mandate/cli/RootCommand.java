package io.polystore.mandate.cli;

import io.polystore.mandate.archive.ArchiveCommand;
import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "mandate-service", description = {
        "The mandate vault. Without a command (or with 'serve') it runs the HTTP service; with a command it runs that "
                + "job against the service's database and exits, without opening the HTTP port.",
        "The database comes from DATABASE_URL (or WRITE_DB_URL) or POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, "
                + "POSTGRES_USER and POSTGRES_PASSWORD, as for the service; SECRET_KEY is required as well.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, DbCommand.class, MandateCommand.class, RetentionCommand.class,
                AlertsCommand.class, WebhookCommand.class, ArchiveCommand.class, HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
