package io.polystore.payment.payment;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merge-patch of a payment: the fields given change, the others stay; at least one must be given. */
@Schema(name = "PaymentChange", minProperties = 1, description = "The fields to change; at least one.")
public record UpdatePaymentRequest(
        @Schema(description = "the next status; see the transition table") PaymentStatus status,
        @Size(max = 1000) @Schema(maxLength = 1000, description = "replaces the description") String description) {
}
