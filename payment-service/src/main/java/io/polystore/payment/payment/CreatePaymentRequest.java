package io.polystore.payment.payment;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new payment. Lengths are checked in UTF-16 units ({@code @Size}), never fewer than the characters MariaDB counts,
 * so nothing accepted overflows a column. Amounts are JSON numbers or decimal strings; {@link Money} checks them
 * against the currency.
 */
@Schema(name = "NewPayment")
public record CreatePaymentRequest(
        @NotBlank @Size(max = 200) @Schema(minLength = 1, maxLength = 200) String payerName,
        @NotBlank @Size(max = 254) @Schema(minLength = 1, maxLength = 254, description = "the payer's email; a malformed one is stored with a failed EMAIL_FORMAT check") String email,
        @NotNull @JsonDeserialize(using = AmountDeserializer.class) @Schema(type = SchemaType.STRING, pattern = AMOUNT_PATTERN, description = "the expected amount, > 0, with at most the currency's decimals; a JSON number or a decimal string") BigDecimal amount,
        @NotNull @JsonDeserialize(using = AmountDeserializer.class) @Schema(type = SchemaType.STRING, pattern = AMOUNT_PATTERN, description = "the amount received, >= 0, with at most the currency's decimals; a JSON number or a decimal string") BigDecimal amountReceived,
        @NotNull @Schema(pattern = "^[A-Za-z]{3}$", description = "ISO 4217 code, any case (stored upper case)") String currency,
        @Size(max = 1000) @Schema(maxLength = 1000) String description,
        @Size(max = 255) @Schema(maxLength = 255) String school,
        @Size(max = 100) @Schema(maxLength = 100) String studentId,
        @Size(max = 255) @Schema(maxLength = 255) String senderFullName,
        @Size(max = 100) @Schema(maxLength = 100) String countryFrom,
        @Size(max = 1000) @Schema(maxLength = 1000) String senderAddress) {

    static final String AMOUNT_PATTERN = "^[0-9]{1,15}(\\.[0-9]{1,3})?$";
}
