package io.polystore.session.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.session.session.ConversationHistory;
import io.polystore.session.session.SessionDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A session as mandate-service's {@code POST /internal/archives} takes it (its {@code ArchiveRequest}). */
public record ArchiveRecord(String sessionId, String userId, Instant createdAt, Instant lastActivityAt,
        String currentState, String language, String status, ConversationHistory conversationHistory,
        JsonNode masterParameters, Map<String, JsonNode> responseJson, List<JsonNode> agentLogs, boolean finalized,
        int messageCount, int productSelectionsCount) {

    public static ArchiveRecord of(SessionDocument session) {
        return new ArchiveRecord(session.sessionId(), session.userId(), session.createdAt(),
                session.lastActivityAt(), session.currentState().value(), session.language(),
                session.status().value(), session.conversationHistory(), session.masterParameters(),
                session.responseJson(), session.agentLogs(), session.finalized(), session.messageCount(),
                session.productSelectionsCount());
    }
}
