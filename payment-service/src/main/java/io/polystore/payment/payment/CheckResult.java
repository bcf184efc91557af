package io.polystore.payment.payment;

/** The outcome of one check: a {@code WARN} is listed but does not fail the payment; a {@code FAIL} does. */
public enum CheckResult {
    PASS, WARN, FAIL
}
