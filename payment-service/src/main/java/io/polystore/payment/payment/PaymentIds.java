package io.polystore.payment.payment;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Public payment ids: version-7 UUIDs (RFC 9562: 48 bits of Unix milliseconds, then random bits), so new rows land at
 * the end of the {@code BINARY(16)} primary key instead of all over it. Answered and accepted in lower-case canonical
 * form only.
 */
public final class PaymentIds {

    /** A path parameter that is not exactly this is a 404, never a parse error. */
    public static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern CANONICAL = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentIds() {
    }

    public static UUID next(Clock clock) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        long millis = clock.millis();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return fromBytes(bytes);
    }

    public static byte[] toBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    public static UUID fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** The id, or null when the text is not a canonical lower-case UUID. */
    public static UUID parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? UUID.fromString(text) : null;
    }
}
