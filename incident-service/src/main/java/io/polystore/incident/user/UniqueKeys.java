package io.polystore.incident.user;

import java.util.function.Predicate;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises the violation of one named unique key, whichever layer reports it: Hibernate's
 * {@link ConstraintViolationException} naming the constraint, or the MariaDB error itself (1062, "Duplicate entry ...
 * for key 'uk_...'"). The chassis will map any unique violation to a 409; this service also needs to know
 * <em>which</em> key, to answer as it does when its own check finds the duplicate (and, for the system user, to return
 * the winner).
 */
final class UniqueKeys {

    /** MariaDB's ER_DUP_ENTRY. */
    static final int DUPLICATE_ENTRY = 1062;

    private UniqueKeys() {
    }

    static Predicate<Throwable> violated(String constraint) {
        return failure -> {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                        && violation.getConstraintName().contains(constraint)) {
                    return true;
                }
                if (t instanceof io.vertx.mysqlclient.MySQLException mysql
                        && mysql.getErrorCode() == DUPLICATE_ENTRY
                        && String.valueOf(mysql.getMessage()).contains("'" + constraint + "'")) {
                    return true;
                }
            }
            return false;
        };
    }
}
