package io.polystore.mandate.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polystore.rest.problem.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount with its ISO 4217 currency: the amount a decimal string in answers ({@code "990.00"}), a decimal string or
 * number accepted, positive, with no more fraction digits than the currency has.
 */
@Schema(name = "Money")
public record Money(
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{1,15}(\\.[0-9]{1,4})?$", examples = "990.00") String amount,
        @Schema(required = true, pattern = "^[A-Z]{3}$", examples = "EUR") String currency) {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @JsonCreator
    public static Money fromJson(@JsonProperty("amount") Object amount, @JsonProperty("currency") String currency) {
        return of(amount == null ? null : amount.toString(), currency, "amountLimit");
    }

    /**
     * @throws ProblemException
     *             400 naming {@code field} when the amount or currency is not acceptable
     */
    public static Money of(String amount, String currency, String field) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw ProblemException.badField(field + ".currency", "must be an ISO 4217 code in upper case, e.g. EUR");
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field + ".currency", "is not an ISO 4217 currency");
        }
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw ProblemException.badField(field + ".amount", "must be a positive decimal such as 990.00");
        }
        BigDecimal value = new BigDecimal(amount);
        int digits = Math.max(known.getDefaultFractionDigits(), 0);
        if (value.signum() <= 0) {
            throw ProblemException.badField(field + ".amount", "must be greater than zero");
        }
        if (value.stripTrailingZeros().scale() > digits) {
            throw ProblemException.badField(field + ".amount", currency + " has " + digits + " fraction digits");
        }
        return new Money(value.setScale(digits).toPlainString(), currency);
    }

    /** As stored: {@code NUMERIC(19,4)} and {@code CHAR(3)}. */
    public static Money stored(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
