package io.polystore.payment.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One check of a payment as stored in {@code validation_results} and answered. */
@Schema(name = "Validation", requiredProperties = {"checkType", "checkResult", "checkMessage"})
public record Validation(
        @Schema(description = "EMAIL_FORMAT, AMOUNT_VALID, AMOUNT_THRESHOLD_EXCEEDED, DUPLICATED_PAYMENT, AMOUNT_MATCH, UNDER_PAYMENT or OVER_PAYMENT") String checkType,
        CheckResult checkResult, String checkMessage) {
}
