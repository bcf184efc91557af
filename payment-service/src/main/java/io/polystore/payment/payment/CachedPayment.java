package io.polystore.payment.payment;

/** A payment as the cache stores it: the answer's body and the version its {@code ETag} names. */
public record CachedPayment(PaymentView payment, long version) {

    static CachedPayment of(PaymentView view) {
        return new CachedPayment(view, view.version());
    }

    PaymentView view() {
        return payment.withVersion(version);
    }
}
