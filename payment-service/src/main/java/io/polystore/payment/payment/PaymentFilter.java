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

    /** Everything that selects the rows, as one string: the cache key of the page. */
    String cacheKey() {
        return "s=" + status + "|v=" + validationStatus + "|e=" + email + "|f=" + from + "|t=" + to + "|b="
                + beforeSeq + "|l=" + limit;
    }
}
