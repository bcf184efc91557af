package io.polystore.incident.incident;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Severity {
    @JsonProperty("low")
    LOW, @JsonProperty("medium")
    MEDIUM, @JsonProperty("high")
    HIGH, @JsonProperty("critical")
    CRITICAL;

    public String value() {
        return name().toLowerCase();
    }
}
