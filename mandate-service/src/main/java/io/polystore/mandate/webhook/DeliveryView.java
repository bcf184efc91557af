package io.polystore.mandate.webhook;

import io.polystore.mandate.store.Times;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent (or to be sent) to one webhook.")
public record DeliveryView(@Schema(required = true) UUID id, @Schema(required = true) UUID webhookId,
        @Schema(required = true, nullable = true) UUID mandateId, @Schema(required = true) String eventType,
        @Schema(required = true, description = "pending, delivered or failed") String state,
        @Schema(required = true, description = "The exact JSON body sent") String payload,
        @Schema(required = true) int attempts, @Schema(required = true, nullable = true) Integer statusCode,
        @Schema(required = true, nullable = true, description = "The receiver's answer, at most 1,000 characters") String responseBody,
        @Schema(required = true, nullable = true) String lastError,
        @Schema(required = true, nullable = true) Instant nextRetryAt,
        @Schema(required = true, nullable = true) Instant deliveredAt,
        @Schema(required = true, nullable = true) Instant failedAt, @Schema(required = true) Instant createdAt) {

    static final String COLUMNS = "id, webhook_id, mandate_id, event_type, payload, attempts, status_code,"
            + " response_body, last_error, next_retry_at, delivered_at, failed_at, is_delivered, created_at";

    static DeliveryView of(Row row) {
        String state = row.getBoolean("is_delivered")
                ? "delivered"
                : row.getOffsetDateTime("failed_at") != null ? "failed" : "pending";
        return new DeliveryView(row.getUUID("id"), row.getUUID("webhook_id"), row.getUUID("mandate_id"),
                row.getString("event_type"), state, row.getString("payload"), row.getInteger("attempts"),
                row.getInteger("status_code"), row.getString("response_body"), row.getString("last_error"),
                Times.instant(row.getOffsetDateTime("next_retry_at")),
                Times.instant(row.getOffsetDateTime("delivered_at")),
                Times.instant(row.getOffsetDateTime("failed_at")), Times.instant(row.getOffsetDateTime("created_at")));
    }
}
