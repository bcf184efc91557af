package io.polystore.mandate.alert;

import io.polystore.mandate.store.Times;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Alert")
public record AlertView(@Schema(required = true) UUID id, @Schema(required = true) AlertType alertType,
        @Schema(required = true) Severity severity, @Schema(required = true) String title,
        @Schema(required = true) String message, @Schema(required = true, nullable = true) UUID mandateId,
        @Schema(required = true, nullable = true) UUID webhookId, @Schema(required = true) boolean isRead,
        @Schema(required = true) boolean isResolved, @Schema(required = true, nullable = true) Instant resolvedAt,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {

    static final String COLUMNS = "id, alert_type, severity, title, message, mandate_id, webhook_id, is_read,"
            + " is_resolved, resolved_at, created_at, updated_at";

    static AlertView of(Row row) {
        return new AlertView(row.getUUID("id"), AlertType.valueOf(row.getString("alert_type")),
                Severity.of(row.getString("severity")), row.getString("title"), row.getString("message"),
                row.getUUID("mandate_id"), row.getUUID("webhook_id"), row.getBoolean("is_read"),
                row.getBoolean("is_resolved"), Times.instant(row.getOffsetDateTime("resolved_at")),
                Times.instant(row.getOffsetDateTime("created_at")), Times.instant(row.getOffsetDateTime("updated_at")));
    }
}
