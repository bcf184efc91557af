package io.polystore.mandate.archive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/**
 * How a session ended, as the seed's {@code archived_sessions.status} spells it: finalized by its user (the
 * configuration was finished), completed (ended without a final configuration), abandoned (left idle until the sweeper
 * archived it before its Redis TTL ended).
 */
public enum ArchiveStatus {
    COMPLETED("completed"), FINALIZED("finalized"), ABANDONED("abandoned");

    private final String value;

    ArchiveStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @JsonCreator
    static ArchiveStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(ArchiveStatus.class, ArchiveStatus::value, value);
    }

    static ArchiveStatus of(String stored) {
        return ApiEnum.exactly(ArchiveStatus.class, ArchiveStatus::value, stored);
    }
}
