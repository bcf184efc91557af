package io.polystore.gateway.health;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Shares one computation among all callers that arrive while it runs, and keeps its result for a time-to-live counted
 * from when it completed.
 * <p>
 * Mutiny's {@code memoize().forFixedDuration} counts from the first subscription instead, and when the duration runs
 * out while the computation is still running it cancels and restarts it: with a slow service that could starve
 * {@code /health}.
 */
final class RecentResult<T> {

    private final Supplier<Uni<T>> computation;
    private final long ttlNanos;
    private volatile Entry<T> current;

    RecentResult(Supplier<Uni<T>> computation, Duration ttl) {
        this.computation = computation;
        this.ttlNanos = ttl.toNanos();
    }

    Uni<T> get() {
        Entry<T> entry = current;
        if (entry != null && entry.isFresh()) {
            return entry.result;
        }
        synchronized (this) {
            entry = current;
            if (entry == null || !entry.isFresh()) {
                entry = new Entry<>(computation.get(), ttlNanos);
                current = entry;
            }
            return entry.result;
        }
    }

    private static final class Entry<T> {

        private final Uni<T> result;
        private volatile boolean completed;
        private volatile long expiresAtNanos;

        Entry(Uni<T> computation, long ttlNanos) {
            this.result = computation
                    .onItemOrFailure().invoke(() -> {
                        expiresAtNanos = System.nanoTime() + ttlNanos;
                        completed = true;
                    })
                    .memoize().indefinitely();
        }

        boolean isFresh() {
            return !completed || System.nanoTime() - expiresAtNanos < 0;
        }
    }
}
