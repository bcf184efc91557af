package io.polystore.gateway.health;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;

public enum OverallStatus {
    /** Every service is up. */
    HEALTHY,
    /** Some services are up, some are not. */
    DEGRADED,
    /** No service is up. */
    UNHEALTHY;

    static OverallStatus of(int up, int total) {
        if (total > 0 && up == total) {
            return HEALTHY;
        }
        return up == 0 ? UNHEALTHY : DEGRADED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
