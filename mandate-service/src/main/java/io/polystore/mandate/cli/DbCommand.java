package io.polystore.mandate.cli;

import io.polystore.ops.schema.SchemaCommands;
import picocli.CommandLine.Command;

/**
 * The schema (the shared Flyway commands, {@link SchemaCommands}; forward-only: there is no downgrade, going back is
 * restoring a backup, then fixing forward, see the README) and the database's health ({@code db stats}).
 */
@Command(name = "db", description = "The schema of the mandates database (Flyway migrations) and its statistics.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        SchemaCommands.Init.class, SchemaCommands.Status.class, SchemaCommands.Drop.class, SchemaCommands.Setup.class,
        DbStatsCommand.class})
public class DbCommand {
}
