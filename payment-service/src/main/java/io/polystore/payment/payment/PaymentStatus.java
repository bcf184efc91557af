package io.polystore.payment.payment;

public enum PaymentStatus {
    PENDING, VALIDATED, REJECTED, COMPLETED, FAILED
}
