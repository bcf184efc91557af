package io.polystore.gateway.health;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;

/** What {@code /health} says about one store, as seen through the readiness of the service that owns it. */
public enum DatabaseState {
    /** The owning service's readiness check for the store is UP. */
    CONNECTED,
    /** The owning service answered and its check for the store is DOWN. */
    DISCONNECTED,
    /** The owning service did not answer usefully, so nothing is known: never reported as connected. */
    UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
