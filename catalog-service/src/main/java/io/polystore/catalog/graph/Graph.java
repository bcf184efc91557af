package io.polystore.catalog.graph;

import io.polystore.catalog.config.CatalogConfig;
import io.polystore.catalog.health.Neo4jReadinessCheck;
import io.polystore.rest.store.StoreCalls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionCallback;

/**
 * Runs transaction functions on Neo4j through the driver's async API, as {@link Uni}s: nothing here blocks, so
 * repositories can be called from the event loop. Each call opens a session and closes it when the work ends (also on
 * failure or cancellation). The driver retries transient failures for at most {@code neo4j.retry-time}; the server
 * aborts a transaction after {@code neo4j.transaction-timeout}; and every call has the chassis' store deadline
 * ({@code STORE_DEADLINE}), past which it fails with {@code StoreUnavailableException} (503).
 */
@ApplicationScoped
public class Graph {

    private final Driver driver;
    private final StoreCalls calls;
    private final TransactionConfig transactionConfig;

    Graph(Driver driver, StoreCalls calls, CatalogConfig config) {
        this.driver = driver;
        this.calls = calls;
        this.transactionConfig = TransactionConfig.builder().withTimeout(config.neo4j().transactionTimeout()).build();
    }

    /** Runs {@code work} in a read transaction; it must consume its results before its stage completes. */
    public <T> Uni<T> read(AsyncTransactionCallback<CompletionStage<T>> work) {
        return inSession(session -> session.executeReadAsync(work, transactionConfig));
    }

    /** Runs {@code work} in a write transaction; it must consume its results before its stage completes. */
    public <T> Uni<T> write(AsyncTransactionCallback<CompletionStage<T>> work) {
        return inSession(session -> session.executeWriteAsync(work, transactionConfig));
    }

    /**
     * Runs {@code work} in a write transaction without the store deadline, for the ops command line's batches (import,
     * wipe): a batch may take longer than a request should, and cutting it off while it commits would leave the
     * operator unsure what was written. The server's transaction timeout still bounds it.
     */
    public <T> Uni<T> bulkWrite(AsyncTransactionCallback<CompletionStage<T>> work) {
        return session(session -> session.executeWriteAsync(work, transactionConfig));
    }

    private <T> Uni<T> inSession(Function<AsyncSession, CompletionStage<T>> work) {
        return calls.bounded(Neo4jReadinessCheck.NAME, () -> session(work));
    }

    /**
     * The session is closed when the work's stage completes, not when the {@link Uni} terminates: a call cut off by the
     * deadline (or cancelled) cannot stop the driver's work, and closing its session under it would only fail that work
     * with errors nobody can see.
     */
    private <T> Uni<T> session(Function<AsyncSession, CompletionStage<T>> work) {
        return Uni.createFrom().completionStage(() -> {
            AsyncSession session = driver.session(AsyncSession.class);
            CompletionStage<T> result;
            try {
                result = work.apply(session);
            } catch (RuntimeException e) {
                session.closeAsync();
                throw e;
            }
            return result.handle((value, failure) -> session.closeAsync()
                    .handle((closed, closeFailure) -> null)
                    .thenCompose(ignored -> failure == null
                            ? CompletableFuture.completedFuture(value)
                            : CompletableFuture.<T>failedFuture(unwrap(failure))))
                    .thenCompose(Function.identity());
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
