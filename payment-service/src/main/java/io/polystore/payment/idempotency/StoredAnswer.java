package io.polystore.payment.idempotency;

/**
 * What an {@code Idempotency-Key} remembers: the hash of the request it was first used with and the answer given.
 *
 * @param response
 *            the first answer's body as JSON
 */
public record StoredAnswer(String requestHash, String response) {
}
