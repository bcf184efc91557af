package io.polystore.mandate.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateWebhook")
public record CreateWebhookRequest(@Schema(required = true) @NotNull @NotBlank @Size(max = 200) String name,
        @Schema(required = true, description = "http(s); not loopback, link-local or private unless the operator allows it", maxLength = 500) @NotNull String url,
        @Schema(required = true) @NotNull @NotEmpty @Size(max = 4) List<@NotNull WebhookEvent> events,
        @Schema(description = "Retries after the first attempt", minimum = "1", maximum = "10", defaultValue = "3") @Min(1) @Max(10) Integer maxRetries,
        @Schema(description = "First retry delay; doubles each retry", minimum = "10", maximum = "3600", defaultValue = "60") @Min(10) @Max(3600) Integer retryDelaySeconds,
        @Schema(minimum = "5", maximum = "300", defaultValue = "30") @Min(5) @Max(300) Integer timeoutSeconds) {
}
