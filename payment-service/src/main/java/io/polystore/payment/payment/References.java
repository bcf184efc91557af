package io.polystore.payment.payment;

import java.util.regex.Pattern;

/** {@code REF} and the payment's number, zero-padded to at least three digits: REF001 … REF999, REF1000. */
public final class References {

    private static final Pattern REFERENCE = Pattern.compile("REF(?:0[0-9][1-9]|0[1-9][0-9]|[1-9][0-9]{2,17})");

    private References() {
    }

    public static String of(long number) {
        String digits = Long.toString(number);
        return "REF" + "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }

    /** Whether {@code text} is a reference {@link #of} can write (anything else cannot exist: a 404). */
    public static boolean isValid(String text) {
        return text != null && REFERENCE.matcher(text).matches();
    }
}
