package io.polystore.payment.payment;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.polystore.rest.json.ApiEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands. It starts in one of the three open states the amounts decide (what arrived against what was
 * expected: the seed's {@code EXACT | UNDERPAYMENT | OVERPAYMENT}, its "pending"); from there it is settled as
 * {@code COMPLETED} or {@code FAILED}, and a completed payment may be {@code REFUNDED}. {@code FAILED} and
 * {@code REFUNDED} are final. The README's transition table is this method's.
 */
public enum PaymentStatus {
    EXACT, UNDERPAYMENT, OVERPAYMENT, COMPLETED, FAILED, REFUNDED;

    /** The open state a new payment starts in. */
    public static PaymentStatus fromAmounts(java.math.BigDecimal expected, java.math.BigDecimal received) {
        int comparison = received.compareTo(expected);
        return comparison == 0 ? EXACT : comparison < 0 ? UNDERPAYMENT : OVERPAYMENT;
    }

    public boolean isOpen() {
        return this == EXACT || this == UNDERPAYMENT || this == OVERPAYMENT;
    }

    /**
     * @param validation
     *            a payment whose checks failed can only fail: it is never completed
     */
    public Set<PaymentStatus> allowedNext(ValidationStatus validation) {
        if (isOpen()) {
            return validation == ValidationStatus.PASSED ? EnumSet.of(COMPLETED, FAILED) : EnumSet.of(FAILED);
        }
        return this == COMPLETED ? EnumSet.of(REFUNDED) : EnumSet.noneOf(PaymentStatus.class);
    }

    /** As the API, the database and the command line spell it. */
    public String value() {
        return name();
    }

    @JsonCreator
    static PaymentStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(PaymentStatus.class, PaymentStatus::value, value);
    }
}
