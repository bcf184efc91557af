package io.polystore.payment.payment;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A create request checked and normalised: currency upper case, amounts at the currency's scale, text stripped. Its
 * JSON form is what an {@code Idempotency-Key} hash covers, so {@code 990}, {@code "990.00"} and {@code eur} hash
 * alike.
 */
public record NewPayment(String payerName, String email, BigDecimal amount, BigDecimal amountReceived, String currency,
        String description, String school, String studentId, String senderFullName, String countryFrom,
        String senderAddress) {

    public static NewPayment of(CreatePaymentRequest request) {
        Currency currency = Money.currency("currency", request.currency());
        return new NewPayment(request.payerName().strip(), request.email().strip(),
                Money.amount("amount", request.amount(), currency, false),
                Money.amount("amountReceived", request.amountReceived(), currency, true),
                currency.getCurrencyCode(), optional(request.description()), optional(request.school()),
                optional(request.studentId()), optional(request.senderFullName()), optional(request.countryFrom()),
                optional(request.senderAddress()));
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
