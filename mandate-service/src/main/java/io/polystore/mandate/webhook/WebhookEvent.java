package io.polystore.mandate.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/** The events a webhook can subscribe to, spelled as the seed system spelled them. */
public enum WebhookEvent {
    MANDATE_CREATED("MandateCreated"), MANDATE_VERIFICATION_FAILED("MandateVerificationFailed"), MANDATE_EXPIRED(
            "MandateExpired"), MANDATE_REVOKED("MandateRevoked");

    private final String value;

    WebhookEvent(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    static WebhookEvent fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(WebhookEvent.class, WebhookEvent::value, value);
    }
}
