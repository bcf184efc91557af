package io.polystore.catalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.catalog.schema.SchemaMigrations;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db", description = "The graph schema: constraints and indexes, as Cypher migrations (neo4j-migrations).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        DbCommand.Status.class, DbCommand.Migrate.class, DbCommand.Unlock.class})
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

    public record Unlocked(int locksRemoved) {
    }

    @Command(name = "unlock", description = {
            "Remove the migration lock that a run killed while migrating left behind (start-up then fails with 'Cannot "
                    + "create __Neo4jMigrationsLock node'; 'db status' shows the lock). Never while a service or "
                    + "'db migrate' is migrating. Refused without --yes."})
    static class Unlock extends OpsCommand {

        @Option(names = "--yes", description = "Confirm that no migration is running.")
        boolean yes;

        private final SchemaMigrations migrations;

        Unlock(SchemaMigrations migrations, ObjectMapper mapper) {
            super(mapper);
            this.migrations = migrations;
        }

        @Override
        protected void execute() {
            if (!yes) {
                throw CliException.refused("db unlock lets a second migration run at the same time if one is running; "
                        + "make sure none is, then run it again with --yes");
            }
            Unlocked unlocked = new Unlocked(migrations.unlock());
            print(unlocked, out -> out.println(unlocked.locksRemoved() == 0
                    ? "No migration lock was held."
                    : "Removed the migration lock."));
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
        if (status.locked()) {
            out.println("A migration lock is held: a migration is running, or one was killed (then: db unlock --yes). "
                    + "Pending migrations are not listed while it is held.");
        }
    }
}
