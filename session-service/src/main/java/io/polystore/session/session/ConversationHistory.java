package io.polystore.session.session;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The seed's {@code conversation_history}: {@code {"messages": [...]}}, oldest first. */
@Schema(name = "ConversationHistory")
public record ConversationHistory(@Schema(required = true) List<Message> messages) {

    public ConversationHistory {
        messages = List.copyOf(messages);
    }
}
