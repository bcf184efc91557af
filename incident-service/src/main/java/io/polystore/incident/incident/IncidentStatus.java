package io.polystore.incident.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an incident. The rule: work moves forward (open → investigating → resolved → closed) and may skip ahead,
 * but going back always passes through {@code open}: a resolved or closed incident is reopened to {@code open}, never
 * straight to {@code investigating}; a closed incident can only be reopened.
 */
public enum IncidentStatus {
    @JsonProperty("open")
    OPEN, @JsonProperty("investigating")
    INVESTIGATING, @JsonProperty("resolved")
    RESOLVED, @JsonProperty("closed")
    CLOSED;

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

    public String value() {
        return name().toLowerCase();
    }
}
