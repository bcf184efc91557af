package io.polystore.rest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

class StoreFailureTest {

    @Test
    void unreachableExhaustedOrSlowStoresAreUnavailable() {
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new ConnectException("Connection refused")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new CompletionException(
                new RuntimeException("wrapped", new ConnectException("Connection refused")))));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new ConnectionPoolTooBusyException("full")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(ClosedConnectionException.INSTANCE));
        // What Vert.x' SQL pool fails an acquisition with past its connection timeout (STORE_ACQUIRE_TIMEOUT).
        assertEquals(StoreFailure.UNAVAILABLE,
                StoreFailure.of(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")));
        assertEquals(StoreFailure.OTHER, StoreFailure.of(new io.vertx.core.impl.NoStackTraceThrowable("other")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new TimeoutException()));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new io.smallrye.mutiny.TimeoutException()));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new StoreUnavailableException("redis", "down")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new PgException("too many", "FATAL", "53300", null)));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new MySQLException("too many", 1040, "08004")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new ServiceUnavailableException("no neo4j")));
        assertEquals(StoreFailure.UNAVAILABLE, StoreFailure.of(new ClientException(
                "Unable to acquire connection from the pool within configured maximum time of 3000ms")));
    }

    @Test
    void uniqueKeyViolationsAreDuplicates() {
        assertEquals(StoreFailure.DUPLICATE_KEY,
                StoreFailure.of(new CompletionException(new PgException("dup", "ERROR", "23505", "d"))));
        assertEquals(StoreFailure.DUPLICATE_KEY,
                StoreFailure.of(new MySQLException("Duplicate entry 'x' for key 'k'", 1062, "23000")));
        assertEquals(StoreFailure.DUPLICATE_KEY, StoreFailure.of(new ClientException(
                "Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists")));
    }

    @Test
    void everythingElseIsABug() {
        assertEquals(StoreFailure.OTHER, StoreFailure.of(new IllegalStateException("bug")));
        assertEquals(StoreFailure.OTHER, StoreFailure.of(new PgException("syntax", "ERROR", "42601", null)));
        assertEquals(StoreFailure.OTHER, StoreFailure.of(new MySQLException("check", 4025, "23000")));
        assertEquals(StoreFailure.OTHER, StoreFailure.of(new ClientException("Neo.ClientError.Statement.SyntaxError",
                "bad")));
    }
}
