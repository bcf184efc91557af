package io.polystore.gateway.support;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shares one computation among all callers that arrive while it runs, and keeps its result for a time-to-live counted
 * from when it completed.
 * <p>
 * Mutiny's {@code memoize().forFixedDuration} counts from the first subscription instead, and when the duration runs
 * out while the computation is still running it cancels and restarts it: with a slow service that could starve
 * {@code /health}.
 */
public final class RecentResult<T> {

    private final Supplier<Uni<T>> computation;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private volatile Entry<T> current;

    public RecentResult(Supplier<Uni<T>> computation, Duration ttl) {
        this(computation, ttl, System::nanoTime);
    }

    /** With a clock of the caller's ({@link System#nanoTime()} semantics), for tests that move time. */
    public RecentResult(Supplier<Uni<T>> computation, Duration ttl, LongSupplier nanoClock) {
        this.computation = computation;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    public Uni<T> get() {
        Entry<T> entry = current;
        if (entry != null && entry.isFresh(nanoClock.getAsLong())) {
            return entry.result;
        }
        synchronized (this) {
            entry = current;
            if (entry == null || !entry.isFresh(nanoClock.getAsLong())) {
                entry = new Entry<>(computation.get(), ttlNanos, nanoClock);
                current = entry;
            }
            return entry.result;
        }
    }

    private static final class Entry<T> {

        private final Uni<T> result;
        private volatile boolean completed;
        private volatile long expiresAtNanos;

        Entry(Uni<T> computation, long ttlNanos, LongSupplier nanoClock) {
            this.result = computation
                    .onItemOrFailure().invoke(() -> {
                        expiresAtNanos = nanoClock.getAsLong() + ttlNanos;
                        completed = true;
                    })
                    .memoize().indefinitely();
        }

        boolean isFresh(long now) {
            return !completed || now - expiresAtNanos < 0;
        }
    }
}
