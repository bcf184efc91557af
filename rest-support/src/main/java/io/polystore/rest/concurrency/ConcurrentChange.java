package io.polystore.incident.concurrency;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost a race on a {@code @Version} column and turns it into the answer the convention promises
 * (see the README, "Concurrent writes"): with {@code If-Match} a 412 (the precondition no longer holds), without it a
 * 409. Either way the transaction rolls back, so nothing of the request is applied.
 * <p>
 * A lost race surfaces as Hibernate's {@link StaleStateException} (the versioned UPDATE matched no row) or JPA's
 * {@link OptimisticLockException}; MariaDB 11.6+ with {@code innodb_snapshot_isolation=ON} (its default there) may
 * instead refuse the UPDATE with error 1020, "Record has changed since last read".
 */
public final class ConcurrentChange {

    /** MariaDB's ER_CHECKREAD. */
    static final int RECORD_CHANGED_SINCE_LAST_READ = 1020;

    private ConcurrentChange() {
    }

    public static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof io.vertx.mysqlclient.MySQLException mysql
                    && mysql.getErrorCode() == RECORD_CHANGED_SINCE_LAST_READ) {
                return true;
            }
        }
        return false;
    }

    /** For {@code onFailure(ConcurrentChange::isLostRace).transform(...)}: 412 with If-Match, 409 without. */
    public static Function<Throwable, Throwable> answer(IfMatch ifMatch, String what) {
        return failure -> ifMatch.present() ? IfMatch.preconditionFailed(what) : conflict(what);
    }

    /** 409: another request changed the resource while this one ran; nothing of this one was applied. */
    public static ProblemException conflict(String what) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, what
                + " was changed by another request while this one ran; nothing was applied: GET it again and retry "
                + "(send its ETag in If-Match to change exactly the version you read)"));
    }
}
