package io.polystore.payment.payment;

import java.util.Map;

/**
 * @param lastDay
 *            payments created in the last 24 hours
 */
public record PaymentStats(long total, Map<String, Long> byStatus, Map<String, Long> byValidationStatus,
        long lastDay) {
}
