package io.polystore.mandate.archive;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's row of the view {@code user_session_history}; zeros and nulls before its first archived session. */
@Schema(name = "ArchivedSessionStats")
public record UserArchiveStats(@Schema(required = true) String userId,
        @Schema(required = true) long totalSessions,
        @Schema(required = true, nullable = true) Double avgMessages,
        @Schema(required = true, nullable = true) Double avgDurationSec,
        @Schema(required = true, nullable = true, description = "When the latest of the user's sessions was archived.") Instant lastSessionDate,
        @Schema(required = true) long finalizedCount) {
}
