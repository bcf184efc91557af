package io.polystore.payment.payment;

/**
 * The answer to a create.
 *
 * @param replayed
 *            true when an {@code Idempotency-Key} returned the first create's answer and nothing new was created
 */
public record CreatedPayment(PaymentView payment, boolean replayed) {
}
