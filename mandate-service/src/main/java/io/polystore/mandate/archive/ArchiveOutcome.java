package io.polystore.mandate.archive;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What {@code POST /internal/archives} did: stored a new row, replaced an older archive of the session, or left a newer
 * or identical one as it was (a late or repeated hand-over).
 */
public enum ArchiveOutcome {
    CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged");

    private final String value;

    ArchiveOutcome(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
