package io.polystore.gateway.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a repeated event through at most once per interval and counts what it held back, so a failure that hits every
 * request is logged once every few seconds instead of flooding the log.
 */
public final class OncePerInterval {

    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
    private final AtomicLong held = new AtomicLong();

    public OncePerInterval(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Counts one event; returns how many events (this one included) happened since the last one let through, or 0 if
     * this one is held back.
     */
    public long occurred() {
        held.incrementAndGet();
        long now = System.nanoTime();
        long due = nextAt.get();
        if (now - due >= 0 && nextAt.compareAndSet(due, now + intervalNanos)) {
            return Math.max(1, held.getAndSet(0));
        }
        return 0;
    }
}
