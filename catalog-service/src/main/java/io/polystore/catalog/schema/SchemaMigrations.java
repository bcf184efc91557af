package io.polystore.catalog.schema;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationState;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * The Cypher migrations under {@code classpath:neo4j/migrations} ({@code V<version>__<description>.cypher}), applied by
 * neo4j-migrations' core library, which records each as a {@code :__Neo4jMigration} node and takes a lock, so several
 * instances can start at once. Used at start-up ({@code CatalogStartup}) and by {@code db status|migrate}.
 *
 * <p>
 * The library is blocking: it runs on the main thread during start-up or on the command line's thread, never on an
 * event loop. Hand-run rather than neo4j-migrations' Quarkus extension: {@code
 * eu.michael-simons.neo4j:neo4j-migrations-quarkus} 2.18.x/2.19.0 do not resolve here (their parent POM,
 * {@code neo4j-migrations-quarkus-parent}, is not served) and 2.19.1 is not served at all. Revisit when it resolves.
 */
@ApplicationScoped
public class SchemaMigrations {

    static final String LOCATION = "classpath:neo4j/migrations";
    /** The node neo4j-migrations holds while it migrates. */
    static final String LOCK_LABEL = "__Neo4jMigrationsLock";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    /** One migration as {@code db status} shows it. */
    public record Migration(String version, String description, String state, Instant installedOn) {
    }

    /**
     * The schema version (null: nothing applied), every migration, applied or pending, and whether a migration lock is
     * held (by a run in progress, or left by one that died).
     */
    public record Status(String schemaVersion, List<Migration> applied, List<Migration> pending, boolean locked) {
    }

    /** What {@code db migrate} did. */
    public record Migrated(String previousVersion, String schemaVersion, int applied, Status status) {
    }

    private final Driver driver;

    SchemaMigrations(Driver driver) {
        this.driver = driver;
    }

    /** Applies what is pending, then waits until every index is online (the full-text index is built in background). */
    public Migrated migrate() {
        Status before = status();
        migrations().apply().ifPresentOrElse(version -> LOG.infof("Neo4j schema at version %s", version.getValue()),
                () -> LOG.info("Neo4j schema: no migration applied"));
        try (var session = driver.session()) {
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        Status after = status();
        return new Migrated(before.schemaVersion(), after.schemaVersion(),
                after.applied().size() - before.applied().size(), after);
    }

    /**
     * What is applied and pending. neo4j-migrations takes its lock even to read the chain, so while the lock is held
     * the applied migrations are read from their {@code :__Neo4jMigration} nodes directly and the pending ones are not
     * listed.
     */
    public Status status() {
        if (locks() > 0) {
            return lockedStatus();
        }
        MigrationChain chain = migrations().info(MigrationChain.ChainBuilderMode.COMPARE);
        List<Migration> migrations = chain.getElements().stream()
                .map(e -> new Migration(e.getVersion(), e.getOptionalDescription().orElse(""), e.getState().name(),
                        e.getInstalledOn().map(t -> t.toInstant()).orElse(null)))
                .toList();
        return new Status(chain.getLastAppliedVersion().map(v -> v.getValue()).orElse(null),
                migrations.stream().filter(m -> MigrationState.APPLIED.name().equals(m.state())).toList(),
                migrations.stream().filter(m -> MigrationState.PENDING.name().equals(m.state())).toList(), false);
    }

    private Status lockedStatus() {
        try (var session = driver.session()) {
            List<Migration> applied = session.run("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' "
                    + "RETURN m.version AS version, m.description AS description ORDER BY m.version").list(
                            r -> new Migration(r.get("version").asString(), r.get("description").asString(""),
                                    MigrationState.APPLIED.name(), null));
            return new Status(applied.isEmpty() ? null : applied.get(applied.size() - 1).version(), applied, List.of(),
                    true);
        }
    }

    /**
     * Removes the migration lock. neo4j-migrations' lock has no expiry: a process killed while migrating leaves it, and
     * every later start then fails until it is removed. Only for that case: removing the lock of a run in progress lets
     * a second run migrate at the same time.
     *
     * @return how many lock nodes were removed
     */
    public int unlock() {
        try (var session = driver.session()) {
            return session.run("MATCH (l:" + LOCK_LABEL + ") DELETE l").consume().counters().nodesDeleted();
        }
    }

    private long locks() {
        try (var session = driver.session()) {
            return session.run("MATCH (l:" + LOCK_LABEL + ") RETURN count(l) AS n").single().get("n").asLong();
        }
    }

    /** Waits until Neo4j answers, up to {@code startupWait}; the last failure if it never does. */
    public void awaitNeo4j(Duration startupWait) throws InterruptedException {
        long deadline = System.nanoTime() + startupWait.toNanos();
        while (true) {
            try {
                driver.verifyConnectivity();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.infof("waiting for Neo4j: %s", e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    private Migrations migrations() {
        return new Migrations(MigrationsConfig.builder().withLocationsToScan(LOCATION).build(), driver);
    }
}
