package io.polystore.mandate.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, with the Unix timestamp (in
 * seconds) in {@code X-Webhook-Timestamp}: a receiver recomputes it over the exact bytes it got and refuses an old
 * timestamp (a replay). The README shows a worked example.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    public static final String ID_HEADER = "X-Webhook-Id";
    public static final String EVENT_HEADER = "X-Webhook-Event";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
