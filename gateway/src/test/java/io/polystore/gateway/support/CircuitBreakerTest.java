package io.polystore.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's states on a clock of the test's own: no sleeping. */
class CircuitBreakerTest {

    final AtomicLong now = new AtomicLong(1_000);
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(2), now::get);

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        for (int i = 0; i < 2; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.failed();
        }
        assertTrue(breaker.tryAcquire());
        breaker.succeeded(); // a success in between starts the count again
        for (int i = 0; i < 2; i++) {
            breaker.failed();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.failed();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "open: callers answer at once");
    }

    @Test
    void aProbeAfterTheOpenTimeClosesOrReopensIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertFalse(breaker.tryAcquire());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertTrue(breaker.tryAcquire(), "the probe");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "one probe at a time");
        breaker.failed();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed probe opens it again");
        assertFalse(breaker.tryAcquire());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aProbeThatNeverReportsIsReplacedAfterAnotherOpenTime() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(breaker.tryAcquire(), "a lost probe does not keep the breaker half-open for good");
    }

    @Test
    void oncePerIntervalCountsWhatItHeldBack() {
        OncePerInterval log = new OncePerInterval(Duration.ofSeconds(10), now::get);
        assertEquals(1, log.occurred());
        assertEquals(0, log.occurred());
        assertEquals(0, log.occurred());
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(3, log.occurred(), "the two held back and this one");
        assertEquals(0, log.occurred());
    }
}
