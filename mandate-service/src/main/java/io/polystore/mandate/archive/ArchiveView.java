package io.polystore.mandate.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An archived session, one row of {@code archived_sessions} in the API's camelCase. */
@Schema(name = "ArchivedSession")
public record ArchiveView(
        @Schema(required = true, description = "The session's id in session-service.") String sessionId,
        @Schema(required = true, description = "The Polystore user the session belongs to.") String userId,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant archivedAt,
        @Schema(required = true, nullable = true) Instant lastActivityAt,
        @Schema(required = true, nullable = true, description = "The configurator step the session ended in.") String currentState,
        @Schema(required = true, nullable = true) String language,
        @Schema(required = true, nullable = true) ArchiveStatus status,
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, description = "`{\"messages\": [{\"role\", \"content\", \"at\"}]}`") JsonNode conversationHistory,
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, description = "Requirements per component.") JsonNode masterParameters,
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, description = "The selected product per component type (`gin`, `name`, `type`), or `skipped`.") JsonNode responseJson,
        @Schema(required = true, nullable = true, type = SchemaType.ARRAY, description = "What the configurator's agents logged.") JsonNode agentLogs,
        @Schema(required = true, nullable = true) Boolean finalized,
        @Schema(required = true, nullable = true) Integer messageCount,
        @Schema(required = true, nullable = true) Integer productSelectionsCount,
        @Schema(required = true, nullable = true, description = "lastActivityAt - createdAt, computed by the database.") Integer sessionDurationSeconds) {
}
