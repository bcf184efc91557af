package io.polystore.mandate.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** The seed's audit event types, spelled as it spelled them. */
public enum AuditEventType {
    CREATE, READ, UPDATE, DELETE, SOFT_DELETE, RESTORE, VERIFY;

    @JsonValue
    public String value() {
        return name();
    }
}
