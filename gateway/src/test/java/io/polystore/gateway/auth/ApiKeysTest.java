package io.polystore.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    static final String KEY = "psk_AbCdEfGhIj-_.0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    @Test
    void theHeaderWinsOverTheBearerToken() {
        assertEquals(KEY, ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("x-api-key", " " + KEY + " ")
                .add("Authorization", "Bearer other")));
        assertEquals(KEY, ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + KEY)));
        assertEquals(KEY, ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("Authorization", "bEaReR " + KEY)));
        assertNull(ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("Authorization", "Basic " + KEY)));
        assertNull(ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer")));
        assertNull(ApiKeys.presented(MultiMap.caseInsensitiveMultiMap().add("X-API-Key", "")));
        assertNull(ApiKeys.presented(MultiMap.caseInsensitiveMultiMap()));
    }

    @Test
    void onlyTheIncidentServiceFormatIsWellFormed() {
        assertEquals(60, KEY.length());
        assertTrue(ApiKeys.wellFormed(KEY));
        assertFalse(ApiKeys.wellFormed(null));
        assertFalse(ApiKeys.wellFormed(KEY.substring(1)));
        assertFalse(ApiKeys.wellFormed(KEY + "A"));
        assertFalse(ApiKeys.wellFormed("pk_" + KEY.substring(3) + "A"));
        assertFalse(ApiKeys.wellFormed(KEY.replace('.', '_')));
        assertFalse(ApiKeys.wellFormed(KEY.replace('A', '+')));
        assertFalse(ApiKeys.wellFormed(KEY.replace('0', '/')));
    }

    @Test
    void redactionKeepsThePrefixOnly() {
        String text = "Invalid value for option '--requests': '" + KEY + "' is not a long";
        String redacted = ApiKeys.redact(text);
        assertFalse(redacted.contains("0123456789abcdef"), redacted);
        assertTrue(redacted.contains("psk_AbCdEfGhIj-_.<redacted>"), redacted);
        assertEquals("nothing here", ApiKeys.redact("nothing here"));
        assertEquals("a psk_ b", ApiKeys.redact("a psk_ b"));
    }

    @Test
    void digestsCompareByValue() {
        assertEquals(KeyDigest.of(KEY), KeyDigest.of(new String(KEY.toCharArray())));
        assertEquals(KeyDigest.of(KEY).hashCode(), KeyDigest.of(KEY).hashCode());
        assertNotEquals(KeyDigest.of(KEY), KeyDigest.of(KEY.replace('A', 'B')));
    }
}
