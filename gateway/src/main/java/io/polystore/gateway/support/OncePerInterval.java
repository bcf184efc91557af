package io.polystore.gateway.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets a repeated event through at most once per interval and counts what it held back, so a failure that hits every
 * request is logged once every few seconds instead of flooding the log. Thread-safe.
 */
public final class OncePerInterval {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextAt;
    private final AtomicLong held = new AtomicLong();

    public OncePerInterval(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** With a clock of its own ({@link System#nanoTime()} semantics), for tests. */
    public OncePerInterval(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one event; returns how many events (this one included) happened since the last one let through, or 0 if
     * this one is held back.
     */
    public long occurred() {
        held.incrementAndGet();
        long now = nanoClock.getAsLong();
        long due = nextAt.get();
        if (now - due >= 0 && nextAt.compareAndSet(due, now + intervalNanos)) {
            return Math.max(1, held.getAndSet(0));
        }
        return 0;
    }
}
