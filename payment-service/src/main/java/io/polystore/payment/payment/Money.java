package io.polystore.payment.payment;

import io.polystore.rest.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts and currencies: ISO 4217 codes (case-insensitive in, upper case stored), amounts with no more decimals than
 * the currency's minor unit (JPY 0, EUR 2, BHD 3), and the seed system's fee rule.
 */
public final class Money {

    /** Amounts up to 15 integer digits fit the DECIMAL(18, 3) columns. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");
    static final BigDecimal LOW_FEE_LIMIT = new BigDecimal("30000");
    static final BigDecimal MIDDLE_FEE_LIMIT = new BigDecimal("50000");
    static final BigDecimal LOW_FEE = new BigDecimal("2.00");
    static final BigDecimal MIDDLE_FEE = new BigDecimal("3.00");
    static final BigDecimal HIGH_FEE = new BigDecimal("5.00");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    private Money() {
    }

    /** The ISO 4217 currency {@code code} names, in any case; 400 naming {@code field} otherwise. */
    public static Currency currency(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.badField(field, "must be an ISO 4217 currency code such as EUR");
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                throw ProblemException.badField(field, code + " is not a currency with a minor unit (e.g. a metal)");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "is not an ISO 4217 currency code");
        }
    }

    /** 400 naming {@code field} unless the amount is at least {@code minimum} and fits the currency's decimals. */
    public static BigDecimal amount(String field, BigDecimal amount, Currency currency, boolean zeroAllowed) {
        if (amount == null) {
            throw ProblemException.badField(field, "is required");
        }
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            throw ProblemException.badField(field, zeroAllowed ? "must not be negative" : "must be greater than 0");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw ProblemException.badField(field, "must be at most " + MAX_AMOUNT.toPlainString());
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw ProblemException.badField(field, currency.getCurrencyCode() + " amounts have at most " + digits
                    + " decimal" + (digits == 1 ? "" : "s"));
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** The seed's rule: 2 % up to 30,000, 3 % above 30,000, 5 % above 50,000 (of the expected amount). */
    public static BigDecimal feePercentage(BigDecimal amount) {
        if (amount.compareTo(MIDDLE_FEE_LIMIT) > 0) {
            return HIGH_FEE;
        }
        return amount.compareTo(LOW_FEE_LIMIT) > 0 ? MIDDLE_FEE : LOW_FEE;
    }

    /** The fee rounded half-up to the currency's minor unit. */
    public static BigDecimal fee(BigDecimal amount, Currency currency) {
        return amount.multiply(feePercentage(amount)).divide(HUNDRED)
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** As answered: a decimal string with exactly the currency's decimals ({@code "990.00"}, {@code "5"} for JPY). */
    public static String format(BigDecimal amount, String currencyCode) {
        return amount.setScale(Currency.getInstance(currencyCode).getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .toPlainString();
    }
}
