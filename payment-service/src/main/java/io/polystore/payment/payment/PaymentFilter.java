package io.polystore.payment.payment;

import java.time.Instant;

/**
 * One page of an owner's payments, newest first. A null owner lists everyone's (ops command line only).
 *
 * @param beforeSeq
 *            keyset position: only payments with a smaller number (null for the first page)
 * @param from
 *            created at or after (inclusive), or null
 * @param to
 *            created before (exclusive), or null
 */
public record PaymentFilter(Long ownerUserId, PaymentStatus status, ValidationStatus validationStatus, String email,
        Instant from, Instant to, Long beforeSeq, int limit) {

    /** A page as the ops command line asks for it: no email or time filter, the cursor as handed out. */
    public static PaymentFilter ofCursor(Long ownerUserId, PaymentStatus status, ValidationStatus validationStatus,
            String cursor, int limit) {
        return new PaymentFilter(ownerUserId, status, validationStatus, null, null, null, Cursor.parse(cursor), limit);
    }

    /** Everything that selects the rows, as one string: the cache key of the page. */
    String cacheKey() {
        return "s=" + status + "|v=" + validationStatus + "|e=" + email + "|f=" + from + "|t=" + to + "|b="
                + beforeSeq + "|l=" + limit;
    }
}
