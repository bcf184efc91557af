package io.polystore.mandate.webhook;

import io.polystore.mandate.store.Times;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One row of {@code webhooks} (its encrypted secret stays in the database: the worker reads it there). */
public record Webhook(UUID id, String name, String url, List<WebhookEvent> events, boolean active, int maxRetries,
        int retryDelaySeconds, int timeoutSeconds, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, name, url, events, is_active, max_retries, retry_delay_seconds,"
            + " timeout_seconds, created_at, updated_at";

    static Webhook of(Row row) {
        List<WebhookEvent> events = Arrays.stream(row.getArrayOfStrings("events"))
                .map(value -> Arrays.stream(WebhookEvent.values()).filter(e -> e.value().equals(value)).findFirst()
                        .orElseThrow())
                .toList();
        return new Webhook(row.getUUID("id"), row.getString("name"), row.getString("url"), events,
                row.getBoolean("is_active"), row.getInteger("max_retries"), row.getInteger("retry_delay_seconds"),
                row.getInteger("timeout_seconds"), Times.instant(row.getOffsetDateTime("created_at")),
                Times.instant(row.getOffsetDateTime("updated_at")));
    }

    static String[] stored(List<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::value).distinct().toArray(String[]::new);
    }
}
