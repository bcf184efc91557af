package io.polystore.payment.cli;

import io.polystore.ops.schema.SchemaCommands;
import picocli.CommandLine.Command;

/** The payments database's schema: the shared Flyway commands ({@link SchemaCommands}). */
@Command(name = "db", description = "The schema of the payments database (Flyway migrations).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        SchemaCommands.Init.class, SchemaCommands.Status.class, SchemaCommands.Drop.class, SchemaCommands.Setup.class})
public class DbCommand {
}
