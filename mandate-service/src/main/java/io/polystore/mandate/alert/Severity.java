package io.polystore.mandate.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import io.polystore.rest.json.ApiEnum;

/** The seed's alert severities. */
public enum Severity {
    INFO("info"), WARNING("warning"), ERROR("error"), CRITICAL("critical");

    private final String value;

    Severity(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static Severity fromQuery(String value) {
        return ApiEnum.fromQuery(Severity.class, Severity::value, "severity", value);
    }

    static Severity of(String stored) {
        return ApiEnum.exactly(Severity.class, Severity::value, stored);
    }
}
