package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The schema (Flyway, forward-only: there is no downgrade; going back is restoring a backup, then fixing forward, see
 * the README) and the database's health ({@code db stats}).
 */
@Command(name = "db", description = "The schema of the mandates database (Flyway migrations) and its statistics.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        DbCommand.Init.class, DbCommand.Status.class, DbCommand.Drop.class, DbCommand.Setup.class,
        DbStatsCommand.class})
public class DbCommand {

    /** One migration as the commands report it. */
    public record Migration(String version, String description, String state, Instant installedOn) {
    }

    /** The current version, what was applied (history) and what is pending. */
    public record Schema(String currentVersion, List<Migration> history, List<Migration> pending) {

        static Schema of(MigrationInfoService info) {
            MigrationInfo current = info.current();
            return new Schema(current == null || current.getVersion() == null ? null : current.getVersion().toString(),
                    migrations(info.applied()), migrations(info.pending()));
        }

        private static List<Migration> migrations(MigrationInfo[] infos) {
            return Arrays.stream(infos)
                    .map(m -> new Migration(m.getVersion() == null ? null : m.getVersion().toString(),
                            m.getDescription(), m.getState().getDisplayName(),
                            m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant()))
                    .toList();
        }

        void print(PrintWriter out) {
            out.println("Schema version: " + (currentVersion == null ? "none (empty database)" : currentVersion));
            Table table = new Table("VERSION", "DESCRIPTION", "STATE", "INSTALLED");
            history.forEach(m -> table.row(m.version(), m.description(), m.state(), OpsCommand.time(m.installedOn())));
            pending.forEach(m -> table.row(m.version(), m.description(), m.state(), "-"));
            table.print(out, "No migrations.");
            out.printf(Locale.ROOT, "%d applied, %d pending%n", history.size(), pending.size());
        }
    }

    /** What {@code init}, {@code drop} and {@code setup} did, and the schema after. */
    public record Outcome(boolean dropped, List<String> schemasCleaned, int migrationsExecuted, Schema schema) {

        void print(PrintWriter out) {
            if (dropped) {
                out.println("Dropped every object in schema " + String.join(", ", schemasCleaned));
            }
            out.printf(Locale.ROOT, "Applied %d migration(s)%n", migrationsExecuted);
            schema.print(out);
        }
    }

    /** The shared body of the schema commands: optionally clean, optionally migrate, report. */
    abstract static class SchemaCommand extends OpsCommand {

        final Flyway flyway;

        SchemaCommand(Flyway flyway, ObjectMapper mapper) {
            super(mapper);
            this.flyway = flyway;
        }

        void change(boolean drop, boolean migrate) {
            List<String> cleaned = List.of();
            if (drop) {
                var result = flyway.clean();
                cleaned = result.schemasCleaned == null ? List.of() : List.copyOf(result.schemasCleaned);
            }
            int executed = migrate ? flyway.migrate().migrationsExecuted : 0;
            Outcome outcome = new Outcome(drop, cleaned, executed, Schema.of(flyway.info()));
            print(outcome, outcome::print);
        }

        static void confirmed(boolean yes, String command) {
            if (!yes) {
                throw CliException
                        .refused(command + " deletes every table and all their data; run it again with --yes");
            }
        }
    }

    @Command(name = "init", description = "Apply the pending migrations (safe to run again).")
    static class Init extends SchemaCommand {

        Init(Flyway flyway, ObjectMapper mapper) {
            super(flyway, mapper);
        }

        @Override
        protected void execute() {
            change(false, true);
        }
    }

    @Command(name = "status", description = "The current schema version, the migration history and what is pending.")
    static class Status extends SchemaCommand {

        Status(Flyway flyway, ObjectMapper mapper) {
            super(flyway, mapper);
        }

        @Override
        protected void execute() {
            Schema schema = Schema.of(flyway.info());
            print(schema, schema::print);
        }
    }

    @Command(name = "drop", description = "Drop every table, data included (Flyway clean). Refused without --yes.")
    static class Drop extends SchemaCommand {

        @Option(names = "--yes", description = "Confirm that all data is to be deleted.")
        boolean yes;

        Drop(Flyway flyway, ObjectMapper mapper) {
            super(flyway, mapper);
        }

        @Override
        protected void execute() {
            confirmed(yes, "db drop");
            change(true, false);
        }
    }

    @Command(name = "setup", description = "Drop every table, data included, then apply all migrations. Refused without --yes.")
    static class Setup extends SchemaCommand {

        @Option(names = "--yes", description = "Confirm that all data is to be deleted.")
        boolean yes;

        Setup(Flyway flyway, ObjectMapper mapper) {
            super(flyway, mapper);
        }

        @Override
        protected void execute() {
            confirmed(yes, "db setup");
            change(true, true);
        }
    }
}
