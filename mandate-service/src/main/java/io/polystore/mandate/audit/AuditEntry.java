package io.polystore.mandate.audit;

import io.polystore.mandate.store.Times;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One audit row: who did what to which mandate, when, from where.")
public record AuditEntry(@Schema(required = true) long id,
        @Schema(required = true, nullable = true) UUID mandateId,
        @Schema(required = true) AuditEventType eventType,
        @Schema(required = true) Instant timestamp,
        @Schema(required = true, description = "`via` (api, ops-cli, system), `userId`, `keyId`, `clientAddress` as the gateway saw it, `userAgent`, and `change` where something changed") Map<String, Object> details) {

    static final String COLUMNS = "id, mandate_id, event_type, \"timestamp\", details";

    static AuditEntry of(Row row) {
        return new AuditEntry(row.getLong("id"), row.getUUID("mandate_id"),
                AuditEventType.valueOf(row.getString("event_type")),
                Times.instant(row.getOffsetDateTime("timestamp")), row.getJsonObject("details").getMap());
    }
}
