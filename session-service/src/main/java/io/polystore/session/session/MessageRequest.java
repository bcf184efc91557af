package io.polystore.session.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewMessage")
public record MessageRequest(@Schema(required = true) @NotNull MessageRole role,
        @Schema(required = true, minLength = 1, maxLength = SessionLimits.MAX_MESSAGE_LENGTH) @NotNull @Size(min = 1, max = SessionLimits.MAX_MESSAGE_LENGTH) String content) {
}
