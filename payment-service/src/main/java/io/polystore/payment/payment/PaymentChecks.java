package io.polystore.payment.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The quality checks every new payment gets, each stored as one {@code validation_results} row. A {@code FAIL} makes
 * the payment's validation status {@code FAILED}; {@code WARN}s are listed only.
 */
public final class PaymentChecks {

    static final BigDecimal AMOUNT_THRESHOLD = new BigDecimal("1000000");
    /** One {@code @}, something before it, a dot in the domain, no spaces: the seed's "email format". */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private PaymentChecks() {
    }

    /**
     * @param duplicated
     *            the owner has another payment from the same email (case-insensitive) in the last 24 hours
     */
    public static List<Validation> run(NewPayment payment, boolean duplicated) {
        List<Validation> checks = new ArrayList<>();
        checks.add(EMAIL.matcher(payment.email()).matches()
                ? pass("EMAIL_FORMAT", "email is well-formed")
                : new Validation("EMAIL_FORMAT", CheckResult.FAIL, "email is not a valid address"));
        checks.add(pass("AMOUNT_VALID", "amount is positive and fits " + payment.currency() + "'s minor unit"));
        checks.add(payment.amount().compareTo(AMOUNT_THRESHOLD) > 0
                ? warn("AMOUNT_THRESHOLD_EXCEEDED", "amount is above 1,000,000")
                : pass("AMOUNT_THRESHOLD_EXCEEDED", "amount is at most 1,000,000"));
        checks.add(duplicated
                ? warn("DUPLICATED_PAYMENT", "another payment from this email in the last 24 hours")
                : pass("DUPLICATED_PAYMENT", "no other payment from this email in the last 24 hours"));
        checks.add(switch (PaymentStatus.fromAmounts(payment.amount(), payment.amountReceived())) {
            case UNDERPAYMENT -> warn("UNDER_PAYMENT", "received less than expected");
            case OVERPAYMENT -> warn("OVER_PAYMENT", "received more than expected");
            default -> pass("AMOUNT_MATCH", "received exactly the expected amount");
        });
        return List.copyOf(checks);
    }

    public static ValidationStatus outcome(List<Validation> checks) {
        return checks.stream().anyMatch(check -> check.checkResult() == CheckResult.FAIL)
                ? ValidationStatus.FAILED
                : ValidationStatus.PASSED;
    }

    private static Validation pass(String type, String message) {
        return new Validation(type, CheckResult.PASS, message);
    }

    private static Validation warn(String type, String message) {
        return new Validation(type, CheckResult.WARN, message);
    }
}
