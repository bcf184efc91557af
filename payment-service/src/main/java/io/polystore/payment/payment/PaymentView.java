package io.polystore.payment.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.polystore.rest.concurrency.IfMatch;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A payment as answered. Amounts are decimal strings with the currency's decimals. {@code version} travels as the
 * {@code ETag} header, not in the body. {@code validations} is in single answers, not in list items.
 */
@Schema(name = "Payment", requiredProperties = {"id", "reference", "payerName", "email", "amount", "amountReceived",
        "currency", "feePercentage", "feeAmount", "finalAmount", "status", "validationStatus", "createdAt",
        "updatedAt"})
public record PaymentView(@Schema(format = "uuid") String id, String reference, String payerName, String email,
        @Schema(description = "decimal string, e.g. \"990.00\"") String amount,
        @Schema(description = "decimal string") String amountReceived, String currency,
        @Schema(description = "percent of amount: 2, 3 or 5") String feePercentage,
        @Schema(description = "decimal string, rounded half-up to the currency's minor unit") String feeAmount,
        @Schema(description = "amount + feeAmount") String finalAmount,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String school,
        @JsonInclude(JsonInclude.Include.NON_NULL) String studentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String senderFullName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String countryFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String senderAddress, PaymentStatus status,
        ValidationStatus validationStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "every check's result; in single answers only") List<Validation> validations,
        Instant createdAt, Instant updatedAt, @JsonIgnore @Schema(hidden = true) Long version) {

    public static PaymentView of(Payment payment, List<Validation> validations) {
        String currency = payment.currency();
        return new PaymentView(payment.id().toString(), payment.reference(), payment.payerName(), payment.email(),
                Money.format(payment.amount(), currency), Money.format(payment.amountReceived(), currency), currency,
                payment.feePercentage().stripTrailingZeros().toPlainString(),
                Money.format(payment.feeAmount(), currency), Money.format(payment.finalAmount(), currency),
                payment.description(), payment.school(), payment.studentId(), payment.senderFullName(),
                payment.countryFrom(), payment.senderAddress(), payment.status(), payment.validationStatus(),
                validations == null ? null : List.copyOf(validations), payment.createdAt(), payment.updatedAt(),
                payment.version());
    }

    /**
     * The same view with its version: the cache and the idempotency store keep the version beside the body, which does
     * not carry it (so it reads back as null, hence {@code Long}).
     */
    public PaymentView withVersion(long newVersion) {
        return new PaymentView(id, reference, payerName, email, amount, amountReceived, currency, feePercentage,
                feeAmount, finalAmount, description, school, studentId, senderFullName, countryFrom, senderAddress,
                status, validationStatus, validations, createdAt, updatedAt, newVersion);
    }

    public String etag() {
        return IfMatch.etag(version);
    }
}
