package io.polystore.catalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.catalog.schema.SchemaMigrations;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "db", description = "The graph schema: constraints and indexes, as Cypher migrations (neo4j-migrations).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        DbCommand.Status.class, DbCommand.Migrate.class})
public class DbCommand {

    @Command(name = "status", description = "Show the schema version and the applied and pending migrations.")
    static class Status extends OpsCommand {

        private final SchemaMigrations migrations;

        Status(SchemaMigrations migrations, ObjectMapper mapper) {
            super(mapper);
            this.migrations = migrations;
        }

        @Override
        protected void execute() {
            SchemaMigrations.Status status = migrations.status();
            print(status, out -> printStatus(out, status));
        }
    }

    @Command(name = "migrate", description = {
            "Apply the pending migrations and wait until every index is online. Safe to run again: nothing is "
                    + "pending then. The service does this at start-up unless CATALOG_MIGRATE_AT_START=false."})
    static class Migrate extends OpsCommand {

        private final SchemaMigrations migrations;

        Migrate(SchemaMigrations migrations, ObjectMapper mapper) {
            super(mapper);
            this.migrations = migrations;
        }

        @Override
        protected void execute() {
            SchemaMigrations.Migrated migrated = migrations.migrate();
            print(migrated, out -> {
                if (migrated.applied() == 0) {
                    out.println("Nothing to migrate: schema version " + migrated.schemaVersion());
                } else {
                    out.printf(Locale.ROOT, "Applied %d migration(s): schema version %s -> %s%n", migrated.applied(),
                            migrated.previousVersion() == null ? "none" : migrated.previousVersion(),
                            migrated.schemaVersion());
                }
            });
        }
    }

    static void printStatus(PrintWriter out, SchemaMigrations.Status status) {
        out.println("Schema version: "
                + (status.schemaVersion() == null ? "none (nothing applied)" : status.schemaVersion()));
        Table table = new Table("VERSION", "DESCRIPTION", "STATE", "INSTALLED");
        status.applied().forEach(m -> table.row(m.version(), m.description(), m.state(),
                OpsCommand.time(m.installedOn())));
        status.pending().forEach(m -> table.row(m.version(), m.description(), m.state(), "-"));
        table.print(out, "No migrations.");
        out.printf(Locale.ROOT, "%d applied, %d pending%n", status.applied().size(), status.pending().size());
    }
}
