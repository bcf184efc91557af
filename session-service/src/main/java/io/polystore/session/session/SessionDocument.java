package io.polystore.session.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A hot session, exactly as it is stored: the JSON string value of {@code session:{sessionId}} (one {@code GET} shows
 * it whole) and the API's answer. {@code userId} is the Polystore user behind the API key that created it (the
 * gateway's identity token), not an end user of the caller's application. {@code version} counts the writes; every
 * write names the version it read, so no write overwrites another one it did not see.
 */
@Schema(name = "Session")
public record SessionDocument(
        @Schema(required = true) String sessionId,
        @Schema(required = true, description = "The Polystore user that owns the session.") String userId,
        @Schema(required = true) String language,
        @Schema(required = true) SessionStatus status,
        @Schema(required = true) ConfiguratorState currentState,
        @Schema(required = true) ConversationHistory conversationHistory,
        @Schema(required = true, type = SchemaType.OBJECT, description = "Requirements per component.") JsonNode masterParameters,
        @Schema(required = true, type = SchemaType.OBJECT, description = "Per product type: `{gin, name, type}` of the selected product, or the string `skipped`.") Map<String, JsonNode> responseJson,
        @Schema(required = true, type = SchemaType.ARRAY, description = "Reserved for the configurator's agents; no API operation writes it.") List<JsonNode> agentLogs,
        @Schema(required = true) boolean finalized,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant lastActivityAt,
        @Schema(required = true) int messageCount,
        @Schema(required = true, description = "Selections that name a product (not `skipped`).") int productSelectionsCount,
        @Schema(required = true, description = "Grows with every write.") long version) {

    public static final String SKIPPED = "skipped";

    public SessionDocument {
        responseJson = Map.copyOf(responseJson);
        agentLogs = List.copyOf(agentLogs);
    }

    static SessionDocument start(String sessionId, String userId, String language, ConfiguratorState state,
            JsonNode masterParameters, Instant now) {
        return new SessionDocument(sessionId, userId, language, SessionStatus.ACTIVE, state,
                new ConversationHistory(List.of()), masterParameters, Map.of(), List.of(), false, now, now, 0, 0, 1);
    }

    @JsonIgnore
    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }

    SessionDocument withMessage(Message message) {
        List<Message> messages = new ArrayList<>(conversationHistory.messages());
        messages.add(message);
        return new SessionDocument(sessionId, userId, language, status, currentState, new ConversationHistory(messages),
                masterParameters, responseJson, agentLogs, finalized, createdAt, message.at(), messages.size(),
                productSelectionsCount, version + 1);
    }

    SessionDocument withChanges(String newLanguage, ConfiguratorState newState, JsonNode newParameters, Instant now) {
        return new SessionDocument(sessionId, userId, newLanguage == null ? language : newLanguage, status,
                newState == null ? currentState : newState, conversationHistory,
                newParameters == null ? masterParameters : newParameters, responseJson, agentLogs, finalized,
                createdAt, now, messageCount, productSelectionsCount, version + 1);
    }

    /** {@code selection} is {@code {gin, name, type}} or the text {@code skipped}. */
    SessionDocument withSelection(String productType, JsonNode selection, Instant now) {
        Map<String, JsonNode> selections = new LinkedHashMap<>(responseJson);
        selections.put(productType, selection);
        int named = (int) selections.values().stream().filter(JsonNode::isObject).count();
        return new SessionDocument(sessionId, userId, language, status, currentState, conversationHistory,
                masterParameters, selections, agentLogs, finalized, createdAt, now, messageCount, named, version + 1);
    }

    /**
     * The session ended so. A user's end is activity ({@code lastActivityAt} moves); the sweeper's {@code abandoned}
     * keeps the last activity, so the archived duration is the time the user really spent.
     */
    public SessionDocument ended(SessionStatus end, Instant lastActivity) {
        return new SessionDocument(sessionId, userId, language, end, currentState, conversationHistory,
                masterParameters, responseJson, agentLogs, end == SessionStatus.FINALIZED, createdAt, lastActivity,
                messageCount, productSelectionsCount, version + 1);
    }

    static JsonNode skipped() {
        return JsonNodeFactory.instance.textNode(SKIPPED);
    }
}
