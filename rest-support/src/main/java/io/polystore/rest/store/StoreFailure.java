package io.polystore.rest.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a store failure means for the client: the store is unavailable (503 + {@code Retry-After}: unreachable, pool
 * exhausted, no answer in time, transient), a unique key was violated (409: MySQL/MariaDB 1062, PostgreSQL 23505, a
 * Neo4j uniqueness constraint), or neither (a bug: 500). Looks through the whole cause chain, so it sees the driver's
 * exception under Hibernate Reactive's and Mutiny's wrappers.
 * <p>
 * Store-specific exceptions are recognised by class name, so a service carries only its own store's client.
 */
public enum StoreFailure {
    UNAVAILABLE, DUPLICATE_KEY, OTHER;

    private static final Set<String> UNAVAILABLE_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.netty.channel.ConnectTimeoutException",
            "org.neo4j.driver.exceptions.ServiceUnavailableException",
            "org.neo4j.driver.exceptions.SessionExpiredException",
            "org.neo4j.driver.exceptions.TransientException");
    /** Vert.x' SQL pool fails an acquisition past its connection timeout with one of these, and no type of its own. */
    private static final Set<String> VERTX_GENERIC = Set.of("io.vertx.core.impl.NoStackTraceThrowable",
            "io.vertx.core.VertxException");
    private static final String VERTX_SQL_ERROR = "io.vertx.sqlclient.DatabaseException";
    private static final String NEO4J_ERROR = "org.neo4j.driver.exceptions.Neo4jException";
    /** Hibernate (Reactive) turns the driver's error into one of these, keeping only its SQL state and code. */
    private static final String HIBERNATE_SQL_ERROR = "org.hibernate.JDBCException";

    public static StoreFailure of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            StoreFailure kind = classify(t);
            if (kind != OTHER) {
                return kind;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return OTHER;
    }

    private static StoreFailure classify(Throwable t) {
        if (t instanceof StoreUnavailableException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof SocketTimeoutException || t instanceof ClosedChannelException
                || t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
            return UNAVAILABLE;
        }
        for (Class<?> type = t.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            String name = type.getName();
            if (UNAVAILABLE_TYPES.contains(name)) {
                return UNAVAILABLE;
            }
            if (VERTX_GENERIC.contains(name) && t.getClass().getName().equals(name)
                    && ("Timeout".equals(t.getMessage()) || String.valueOf(t.getMessage())
                            .startsWith("Timeout waiting for connection"))) {
                return UNAVAILABLE;
            }
            if (name.equals(VERTX_SQL_ERROR)) {
                return SqlErrors.fromVertx(t);
            }
            if (name.equals(HIBERNATE_SQL_ERROR) || t instanceof java.sql.SQLException) {
                return SqlErrors.classify(t);
            }
            if (name.equals(NEO4J_ERROR)) {
                return Neo4jErrors.classify(t);
            }
        }
        return OTHER;
    }

    /** Loaded only when a Vert.x SQL exception was seen, so only where the SQL client is. */
    private static final class SqlErrors {

        /** MySQL/MariaDB: duplicate key; too many connections, lock wait timeout, deadlock, server gone. */
        private static final int DUPLICATE_ENTRY = 1062;
        private static final Set<Integer> MYSQL_UNAVAILABLE = Set.of(1040, 1205, 1213, 2002, 2003, 2006, 2013);

        static StoreFailure fromVertx(Throwable t) {
            io.vertx.sqlclient.DatabaseException e = (io.vertx.sqlclient.DatabaseException) t;
            return classify(e.getSqlState(), e.getErrorCode());
        }

        /**
         * Hibernate's {@code JDBCException} or a JDBC {@code SQLException}: read by reflection (no compile dependency).
         */
        static StoreFailure classify(Throwable t) {
            if (t instanceof java.sql.SQLException sql) {
                return classify(sql.getSQLState(), sql.getErrorCode());
            }
            try {
                Object state = t.getClass().getMethod("getSQLState").invoke(t);
                Object code = t.getClass().getMethod("getErrorCode").invoke(t);
                StoreFailure kind = classify(state == null ? null : state.toString(),
                        code instanceof Integer i ? i : 0);
                // MySQL/MariaDB integrity errors share SQL state 23000; only the duplicate entry is a 409.
                return kind == OTHER && "23000".equals(state) && String.valueOf(t.getMessage())
                        .contains("Duplicate entry") ? DUPLICATE_KEY : kind;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return OTHER;
            }
        }

        static StoreFailure classify(String sqlState, int errorCode) {
            String state = sqlState == null ? "" : sqlState;
            if (state.equals("23505") || errorCode == DUPLICATE_ENTRY) {
                return DUPLICATE_KEY;
            }
            // PostgreSQL: connection exceptions (08), insufficient resources (53), shutting down / cannot connect now
            // (57P01-57P03), serialization failure and deadlock (40001, 40P01): the request may be retried.
            if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
                    || state.equals("40P01") || MYSQL_UNAVAILABLE.contains(errorCode)) {
                return UNAVAILABLE;
            }
            return OTHER;
        }
    }

    /** Loaded only when a Neo4j driver exception was seen, so only where the driver is. */
    private static final class Neo4jErrors {

        static StoreFailure classify(Throwable t) {
            org.neo4j.driver.exceptions.Neo4jException e = (org.neo4j.driver.exceptions.Neo4jException) t;
            String code = String.valueOf(e.code());
            if (code.equals("Neo.ClientError.Schema.ConstraintValidationFailed")) {
                return DUPLICATE_KEY;
            }
            if (code.startsWith("Neo.TransientError.") || String.valueOf(e.getMessage())
                    .startsWith("Unable to acquire connection from the pool")) {
                return UNAVAILABLE;
            }
            return OTHER;
        }
    }
}
