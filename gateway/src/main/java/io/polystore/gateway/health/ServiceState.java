package io.polystore.gateway.health;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;

public enum ServiceState {
    /** Readiness answered 200 with status UP. */
    UP,
    /** Anything else: 503, another status, no answer in time, or an answer that is not readiness JSON. */
    DOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
