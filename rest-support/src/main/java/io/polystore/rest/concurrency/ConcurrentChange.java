package io.polystore.rest.concurrency;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.function.Function;

/**
 * Recognises a write that lost a race on a version column and turns it into the answer the convention promises (see the
 * chassis README, "Concurrent writes"): with {@code If-Match} a 412 (the precondition no longer holds), without it a
 * 409. Either way the transaction rolls back, so nothing of the request is applied.
 * <p>
 * A lost race surfaces as Hibernate's {@code StaleStateException} (the versioned UPDATE matched no row; its subclasses
 * too) or JPA's {@code OptimisticLockException}; MariaDB 11.6+ with {@code innodb_snapshot_isolation=ON} (its default
 * there) may instead refuse the UPDATE with error 1020, "Record has changed since last read". Recognised by class name
 * through the whole cause chain, so the chassis needs neither Hibernate nor a database client; a service carries only
 * its own.
 * <p>
 * A lost race nobody turned into an answer is still a 409, never a 500: {@code ProblemMappers} asks {@link #isLostRace}
 * too.
 */
public final class ConcurrentChange {

    /** MariaDB's ER_CHECKREAD. */
    static final int RECORD_CHANGED_SINCE_LAST_READ = 1020;

    private static final Set<String> LOST_RACE_TYPES = Set.of("org.hibernate.StaleStateException",
            "jakarta.persistence.OptimisticLockException");
    private static final String MYSQL_ERROR = "io.vertx.mysqlclient.MySQLException";

    private ConcurrentChange() {
    }

    public static boolean isLostRace(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Class<?> type = t.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
                String name = type.getName();
                if (LOST_RACE_TYPES.contains(name)) {
                    return true;
                }
                if (name.equals(MYSQL_ERROR) && errorCode(t) == RECORD_CHANGED_SINCE_LAST_READ) {
                    return true;
                }
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

    /** The vendor error code of a Vert.x SQL client exception, read by reflection (no compile dependency). */
    private static int errorCode(Throwable t) {
        try {
            return t.getClass().getMethod("getErrorCode").invoke(t) instanceof Integer code ? code : 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
