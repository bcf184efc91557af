package io.polystore.incident.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an incident. The rule: work moves forward (open → investigating → resolved → closed) and may skip ahead,
 * but going back always passes through {@code open}: a resolved or closed incident is reopened to {@code open}, never
 * straight to {@code investigating}; a closed incident can only be reopened.
 */
public enum IncidentStatus {
    @JsonProperty("open")
    OPEN("open"), @JsonProperty("investigating")
    INVESTIGATING("investigating"), @JsonProperty("resolved")
    RESOLVED("resolved"), @JsonProperty("closed")
    CLOSED("closed");

    private final String value;

    IncidentStatus(String value) {
        this.value = value;
    }

    public Set<IncidentStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING, RESOLVED, CLOSED);
            case INVESTIGATING -> EnumSet.of(OPEN, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    /** Staying in the same status is always allowed (a no-op). */
    public boolean canMoveTo(IncidentStatus next) {
        return next == this || allowedNext().contains(next);
    }

    /** As the API, the database and the command line spell it. */
    public String value() {
        return value;
    }

    /** The status spelled exactly {@code value}, or null. */
    public static IncidentStatus of(String value) {
        return ApiEnum.exactly(IncidentStatus.class, IncidentStatus::value, value);
    }

    @JsonCreator
    static IncidentStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(IncidentStatus.class, IncidentStatus::value, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
