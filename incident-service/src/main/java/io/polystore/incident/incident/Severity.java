package io.polystore.incident.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

public enum Severity {
    @JsonProperty("low")
    LOW("low"), @JsonProperty("medium")
    MEDIUM("medium"), @JsonProperty("high")
    HIGH("high"), @JsonProperty("critical")
    CRITICAL("critical");

    private final String value;

    Severity(String value) {
        this.value = value;
    }

    /** As the API, the database and the command line spell it. */
    public String value() {
        return value;
    }

    /** The severity spelled exactly {@code value}, or null. */
    public static Severity of(String value) {
        return ApiEnum.exactly(Severity.class, Severity::value, value);
    }

    @JsonCreator
    static Severity fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(Severity.class, Severity::value, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
