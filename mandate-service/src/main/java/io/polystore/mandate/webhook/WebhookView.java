package io.polystore.mandate.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as the API answers it; {@code secret} only in the answer that creates it. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(@Schema(required = true) UUID id, @Schema(required = true) String name,
        @Schema(required = true) String url, @Schema(required = true) List<WebhookEvent> events,
        @Schema(required = true) boolean isActive, @Schema(required = true) int maxRetries,
        @Schema(required = true) int retryDelaySeconds, @Schema(required = true) int timeoutSeconds,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt,
        @Schema(description = "The signing secret: in the answer to the create only, never again") String secret) {

    static WebhookView of(Webhook webhook) {
        return of(webhook, null);
    }

    static WebhookView of(Webhook webhook, String secret) {
        return new WebhookView(webhook.id(), webhook.name(), webhook.url(), webhook.events(), webhook.active(),
                webhook.maxRetries(), webhook.retryDelaySeconds(), webhook.timeoutSeconds(), webhook.createdAt(),
                webhook.updatedAt(), secret);
    }
}
