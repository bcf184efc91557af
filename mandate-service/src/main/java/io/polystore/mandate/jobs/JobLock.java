package io.polystore.mandate.jobs;

import io.polystore.mandate.store.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a job once across instances: in one transaction holding a PostgreSQL transaction-level advisory lock
 * ({@code pg_try_advisory_xact_lock}), released by the commit or rollback, also when the process dies. An instance that
 * does not get the lock skips the run instead of waiting: another one is doing it.
 */
@ApplicationScoped
public class JobLock {

    /** The jobs' lock keys: fixed numbers, one per job (advisory locks are database-wide). */
    public enum Job {
        EXPIRY(72_410_001L), RETENTION(72_410_002L);

        private final long key;

        Job(long key) {
            this.key = key;
        }
    }

    private final Db db;

    JobLock(Db db) {
        this.db = db;
    }

    /** @return the work's result, or empty when another instance holds the lock */
    public <T> Uni<Optional<T>> runExclusive(Job job, Function<SqlConnection, Uni<T>> work) {
        return db.inTransaction(connection -> connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS got")
                .execute(Tuple.of(job.key)).flatMap(rows -> rows.iterator().next().getBoolean("got")
                        ? work.apply(connection).map(Optional::ofNullable)
                        : Uni.createFrom().item(Optional.<T>empty())));
    }
}
