package io.polystore.gateway.support;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker for calls made without blocking. {@code failureThreshold} failures in a row open it; while
 * open, {@link #tryAcquire()} says no (the caller answers at once instead of waiting for a dependency that is down);
 * after {@code openFor} one call is let through as a probe (half-open): its success closes the breaker, its failure
 * opens it again. Any success closes it. Thread-safe; calls are rare enough (one per dependency call) for a lock.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int failures;
    /** OPEN: when a probe may go; HALF_OPEN: when the probe is given up on and another one may go. */
    private long until;

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, System::nanoTime);
    }

    /** With a clock of its own ({@link System#nanoTime()} semantics), for tests. */
    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1: " + failureThreshold);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("the open time must be positive: " + openFor);
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Whether a call may go ahead now. True while closed; while open, false until the open time is over, then true for
     * exactly one caller (the probe) until it reports (or until another open time passes without a report).
     */
    public synchronized boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - until < 0) {
            return false;
        }
        state = State.HALF_OPEN;
        until = now + openForNanos;
        return true;
    }

    /** The call succeeded: the dependency works, the breaker closes. */
    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
    }

    /** The call failed: a probe's failure opens the breaker again, {@code failureThreshold} in a row open it. */
    public synchronized void failed() {
        if (state == State.HALF_OPEN || state == State.CLOSED && ++failures >= failureThreshold) {
            state = State.OPEN;
            until = nanoClock.getAsLong() + openForNanos;
            failures = 0;
        }
    }

    public synchronized State state() {
        return state;
    }
}
