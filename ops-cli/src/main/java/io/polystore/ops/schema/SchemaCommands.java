package io.polystore.ops.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.Instance;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.CleanResult;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code db init|status|drop|setup} on the service's Flyway migrations, the same in every SQL service. A service's own
 * {@code db} command names its database and lists these four (plus any of its own) as subcommands.
 *
 * <p>
 * Flyway is taken as an {@link Instance}: every {@code @Command} class on the classpath becomes a bean, also in the
 * services that have no SQL database, and there nothing asks for it.
 */
public final class SchemaCommands {

    private SchemaCommands() {
    }

    /** One migration as {@code db status} and {@code db init} report it. */
    @RegisterForReflection
    public record Migration(String version, String description, String script, String state, Instant installedOn) {

        static Migration of(MigrationInfo info) {
            return new Migration(info.getVersion() == null ? null : info.getVersion().getVersion(),
                    info.getDescription(), info.getScript(), info.getState().getDisplayName(),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant());
        }
    }

    /** The current version, the migrations applied (the history) and those pending. */
    @RegisterForReflection
    public record SchemaStatus(String currentVersion, List<Migration> applied, List<Migration> pending) {

        static SchemaStatus of(MigrationInfoService info) {
            MigrationInfo current = info.current();
            return new SchemaStatus(
                    current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
                    Arrays.stream(info.applied()).map(Migration::of).toList(),
                    Arrays.stream(info.pending()).map(Migration::of).toList());
        }

        void print(PrintWriter out) {
            out.println("Schema version: " + (currentVersion == null ? "none (empty database)" : currentVersion));
            Table table = new Table("VERSION", "DESCRIPTION", "STATE", "INSTALLED");
            applied.forEach(m -> table.row(m.version(), m.description(), m.state(), OpsCommand.time(m.installedOn())));
            pending.forEach(m -> table.row(m.version(), m.description(), m.state(), "-"));
            table.print(out, "No migrations.");
            out.printf(Locale.ROOT, "%d applied, %d pending%n", applied.size(), pending.size());
        }
    }

    @RegisterForReflection
    public record Migrated(String initialVersion, String currentVersion, int migrationsExecuted, SchemaStatus status) {
    }

    @RegisterForReflection
    public record Dropped(List<String> schemasCleaned) {
    }

    @RegisterForReflection
    public record SetUp(Dropped dropped, Migrated migrated) {
    }

    @Command(name = "init", description = "Apply the pending migrations. Safe to run again: nothing is pending then.")
    public static class Init extends OpsCommand {

        private final Instance<Flyway> flyway;

        public Init(Instance<Flyway> flyway, ObjectMapper mapper) {
            super(mapper);
            this.flyway = flyway;
        }

        @Override
        protected void execute() {
            Migrated migrated = migrate(flyway.get());
            print(migrated, out -> printMigrated(out, migrated));
        }
    }

    @Command(name = "status", description = "Show the current schema version and the applied and pending migrations.")
    public static class Status extends OpsCommand {

        private final Instance<Flyway> flyway;

        public Status(Instance<Flyway> flyway, ObjectMapper mapper) {
            super(mapper);
            this.flyway = flyway;
        }

        @Override
        protected void execute() {
            SchemaStatus status = SchemaStatus.of(flyway.get().info());
            print(status, status::print);
        }
    }

    @Command(name = "drop", description = {
            "Drop every table of the database, data included (Flyway clean). Refused without --yes."})
    public static class Drop extends OpsCommand {

        @Option(names = "--yes", description = "Confirm that all data is to be deleted.")
        boolean yes;

        private final Instance<Flyway> flyway;

        public Drop(Instance<Flyway> flyway, ObjectMapper mapper) {
            super(mapper);
            this.flyway = flyway;
        }

        @Override
        protected void execute() {
            confirmed(yes, "db drop");
            Dropped dropped = drop(flyway.get());
            print(dropped, out -> printDropped(out, dropped));
        }
    }

    @Command(name = "setup", description = {
            "Drop every table, data included, then apply all migrations: an empty database at the latest version. "
                    + "Refused without --yes."})
    public static class Setup extends OpsCommand {

        @Option(names = "--yes", description = "Confirm that all data is to be deleted.")
        boolean yes;

        private final Instance<Flyway> flyway;

        public Setup(Instance<Flyway> flyway, ObjectMapper mapper) {
            super(mapper);
            this.flyway = flyway;
        }

        @Override
        protected void execute() {
            confirmed(yes, "db setup");
            Flyway schema = flyway.get();
            SetUp setUp = new SetUp(drop(schema), migrate(schema));
            print(setUp, out -> {
                printDropped(out, setUp.dropped());
                printMigrated(out, setUp.migrated());
            });
        }
    }

    static void confirmed(boolean yes, String command) {
        if (!yes) {
            throw CliException.refused(command + " deletes every table and all their data; run it again with --yes");
        }
    }

    static Migrated migrate(Flyway flyway) {
        MigrateResult result = flyway.migrate();
        SchemaStatus status = SchemaStatus.of(flyway.info());
        return new Migrated(result.initialSchemaVersion, status.currentVersion(), result.migrationsExecuted, status);
    }

    static Dropped drop(Flyway flyway) {
        CleanResult result = flyway.clean();
        return new Dropped(result.schemasCleaned == null ? List.of() : List.copyOf(result.schemasCleaned));
    }

    static void printMigrated(PrintWriter out, Migrated migrated) {
        if (migrated.migrationsExecuted() == 0) {
            out.println("Nothing to migrate: schema version " + migrated.currentVersion());
        } else {
            out.printf(Locale.ROOT, "Applied %d migration(s): schema version %s -> %s%n", migrated.migrationsExecuted(),
                    migrated.initialVersion() == null ? "none" : migrated.initialVersion(),
                    migrated.currentVersion());
        }
    }

    static void printDropped(PrintWriter out, Dropped dropped) {
        out.println("Dropped every object in schema " + String.join(", ", dropped.schemasCleaned()));
    }
}
