package io.polystore.mandate.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds from the service's clock, then random bits.
 * PostgreSQL orders {@code uuid} values byte by byte, so a newer id sorts after an older one and lists page on the id
 * alone ({@code WHERE id < :cursor ORDER BY id DESC}), served by {@code (tenant_id, id)} indexes.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {
    }

    public static UUID next(Clock clock) {
        long millis = clock.millis();
        long randomHigh = RANDOM.nextLong();
        long randomLow = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long least = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
