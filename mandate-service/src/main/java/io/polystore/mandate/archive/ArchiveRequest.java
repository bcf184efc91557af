package io.polystore.mandate.archive;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One session as session-service hands it over ({@code POST /internal/archives}). {@code userId} is the Polystore user
 * the session belongs to (the caller behind the API key that created it). {@code lastActivityAt} decides which of two
 * archives of one session wins: the later one. The JSON documents are stored as they come, bounded by the request body
 * limit.
 */
public record ArchiveRequest(
        @NotNull @Pattern(regexp = ArchiveRequest.SESSION_ID) String sessionId,
        @NotNull @Pattern(regexp = ArchiveRequest.USER_ID) String userId,
        @NotNull Instant createdAt,
        @NotNull Instant lastActivityAt,
        @Size(max = 100) String currentState,
        @Size(max = 10) String language,
        @NotNull ArchiveStatus status,
        JsonNode conversationHistory,
        JsonNode masterParameters,
        JsonNode responseJson,
        JsonNode agentLogs,
        @NotNull Boolean finalized,
        @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer messageCount,
        @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer productSelectionsCount) {

    /** session-service's ids: random UUIDs, lower-case. */
    static final String SESSION_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Polystore user ids: ASCII digits, no leading zero. */
    static final String USER_ID = "[1-9][0-9]{0,18}";
}
