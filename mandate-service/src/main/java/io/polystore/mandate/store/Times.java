package io.polystore.mandate.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as PostgreSQL keeps them: {@code timestamptz} has microseconds, so the service cuts its clock's time to
 * microseconds before writing it, and what it answers is what a later read returns.
 */
public final class Times {

    private Times() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A bind parameter for a {@code timestamptz} column (the Vert.x client takes {@code OffsetDateTime}). */
    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
