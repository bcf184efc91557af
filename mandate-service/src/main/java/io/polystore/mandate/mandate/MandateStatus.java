package io.polystore.mandate.mandate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * A mandate's lifecycle (the README's transition table). Through {@code PATCH}: {@code active} ⇄ {@code suspended},
 * either → {@code revoked} (final). {@code expired} only by the expiry job, once {@code expires_at} has passed.
 * {@code deleted} only by {@code DELETE} (from any other status), and back to the status it had by {@code restore}.
 */
public enum MandateStatus {
    ACTIVE("active"), SUSPENDED("suspended"), REVOKED("revoked"), EXPIRED("expired"), DELETED("deleted");

    private final String value;

    MandateStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    static MandateStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(MandateStatus.class, MandateStatus::value, value);
    }

    public static MandateStatus of(String stored) {
        return ApiEnum.exactly(MandateStatus.class, MandateStatus::value, stored);
    }

    /** Where {@code PATCH} may move a mandate in this status. */
    public Set<MandateStatus> patchable() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED);
            case REVOKED, EXPIRED, DELETED -> EnumSet.noneOf(MandateStatus.class);
        };
    }

    /** Live: the expiry job may still expire it. */
    public boolean expirable() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
