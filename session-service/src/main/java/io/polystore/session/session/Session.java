package io.polystore.session.session;

import java.time.Instant;
import java.util.Map;

/**
 * A hot user session as held in Redis under {@code session:{id}}.
 *
 * @param attributes
 *            free-form string attributes of the session (e.g. language, current state); never null
 */
public record Session(String id, String userId, Instant createdAt, Map<String, String> attributes) {

    public Session {
        attributes = Map.copyOf(attributes);
    }
}
