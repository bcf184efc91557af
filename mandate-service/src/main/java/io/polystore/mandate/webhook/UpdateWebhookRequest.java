package io.polystore.mandate.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON merge semantics. Deactivating cancels the webhook's pending deliveries. */
@Schema(name = "UpdateWebhook")
public record UpdateWebhookRequest(@Size(min = 1, max = 200) String name, String url,
        @Size(min = 1, max = 4) List<WebhookEvent> events, Boolean isActive,
        @Min(1) @Max(10) Integer maxRetries, @Min(10) @Max(3600) Integer retryDelaySeconds,
        @Min(5) @Max(300) Integer timeoutSeconds) {

    boolean changesNothing() {
        return name == null && url == null && events == null && isActive == null && maxRetries == null
                && retryDelaySeconds == null && timeoutSeconds == null;
    }
}
