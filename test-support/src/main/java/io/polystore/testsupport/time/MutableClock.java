package io.polystore.testsupport.time;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every test (it replaces the chassis' system clock bean): it follows the system clock until a test moves
 * it ({@link #advance}) or stops it ({@link #set}), so a test that needs "an hour later" says so instead of sleeping.
 * {@link #reset()} (e.g. in {@code @AfterEach}) returns it to the system clock.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    @Override
    public Instant instant() {
        Instant stopped = fixed;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    /** Moves the clock forward (or back, with a negative duration); a stopped clock stays stopped. */
    public synchronized void advance(Duration duration) {
        if (fixed != null) {
            fixed = fixed.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Stops the clock at this instant. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the system clock. */
    public synchronized void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
