package io.polystore.session.session;

import io.polystore.session.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The session's clock arithmetic, in one place: a session touched at {@code t} expires at {@code t + SESSION_TTL} and
 * is due for archiving {@code ahead} earlier, where {@code ahead} is {@code SESSION_ARCHIVE_AHEAD} but at most half the
 * TTL. Time comes from the chassis' {@link Clock} (tests move it instead of sleeping).
 */
@ApplicationScoped
public class SessionTimes {

    private final Clock clock;
    private final Duration ttl;
    private final Duration ahead;
    private final Duration lease;
    private final Duration hold;

    SessionTimes(Clock clock, SessionConfig config) {
        this.clock = clock;
        this.ttl = config.session().ttl();
        Duration half = ttl.dividedBy(2);
        this.ahead = config.session().archive().ahead().compareTo(half) > 0 ? half : config.session().archive().ahead();
        this.lease = config.session().archive().lease();
        this.hold = config.session().archive().hold();
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration ttl() {
        return ttl;
    }

    public Duration ahead() {
        return ahead;
    }

    public Duration hold() {
        return hold;
    }

    public Instant expiry(Instant touched) {
        return touched.plus(ttl);
    }

    public Instant archiveDeadline(Instant touched) {
        return touched.plus(ttl).minus(ahead);
    }

    /** A claim taken now lasts until then; that instant is also the claim's token. */
    public Instant claimUntil(Instant now) {
        return now.plus(lease);
    }
}
