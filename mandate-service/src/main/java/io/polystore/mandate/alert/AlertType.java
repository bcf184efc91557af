package io.polystore.mandate.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import io.polystore.rest.json.ApiEnum;

/** The seed's alert types, spelled as it spelled them. */
public enum AlertType {
    MANDATE_EXPIRING, MANDATE_VERIFICATION_FAILED, WEBHOOK_DELIVERY_FAILED, SYSTEM_ERROR;

    @JsonValue
    public String value() {
        return name();
    }

    static AlertType fromQuery(String value) {
        return ApiEnum.fromQuery(AlertType.class, AlertType::value, "type", value);
    }
}
