package io.polystore.catalog.cli;

import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "catalog-service", description = {
        "The welding catalog service. Without a command (or with 'serve') it runs the HTTP service; with a command it "
                + "runs that job against the service's Neo4j and exits, without opening the HTTP port.",
        "Neo4j comes from NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, as for the service.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, DbCommand.class, CatalogCommand.class, HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
