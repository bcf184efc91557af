package io.polystore.mandate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The README's worked example, so the documentation cannot drift from the code. */
    @Test
    void theReadmeExampleHolds() {
        String body = "{\"id\":\"0192f0c4-0000-7000-8000-000000000000\",\"type\":\"MandateCreated\"}";
        assertEquals(README_SIGNATURE,
                WebhookSignature.sign("whsec_example", 1767225600L, body.getBytes(StandardCharsets.UTF_8)));
    }

    static final String README_SIGNATURE = "sha256=21c1e5d0387b81720aff75774108ca4cc19df044b1a00d3fe1010bbbd6e0cbd1";

    @Test
    void secretsDecryptOnlyForTheirWebhookAndKey() {
        SecretCipher cipher = new SecretCipher("a-test-secret-key-of-at-least-32-characters");
        UUID webhook = UUID.randomUUID();
        byte[] stored = cipher.encrypt(webhook, "whsec_abc");
        assertEquals("whsec_abc", cipher.decrypt(webhook, stored));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(UUID.randomUUID(), stored));
        assertThrows(IllegalStateException.class,
                () -> new SecretCipher("another-secret-key-of-at-least-32-characters").decrypt(webhook, stored));
    }
}
