package io.polystore.session.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/**
 * A session is {@code active} until its user finalizes it (a finished configuration), completes it (ended without one)
 * or leaves it: deleted or idle until the sweeper takes it, it is {@code abandoned}. The three ends are the archive's
 * statuses.
 */
public enum SessionStatus {
    ACTIVE("active"), COMPLETED("completed"), FINALIZED("finalized"), ABANDONED("abandoned");

    private final String value;

    SessionStatus(String value) {
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
    static SessionStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(SessionStatus.class, SessionStatus::value, value);
    }
}
