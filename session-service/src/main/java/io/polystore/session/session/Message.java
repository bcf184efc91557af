package io.polystore.session.session;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a session's conversation; {@code at} is when session-service stored it. */
@Schema(name = "SessionMessage")
public record Message(@Schema(required = true) MessageRole role, @Schema(required = true) String content,
        @Schema(required = true) Instant at) {
}
