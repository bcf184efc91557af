package io.polystore.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Limits on a user's API keys. Operators' name: {@code API_KEYS_MAX_ACTIVE}. A leaked key can mint children, so the
 * number of keys one user can hold at once is bounded; revoked keys do not count.
 */
@ConfigMapping(prefix = "api-keys")
public interface ApiKeyLimits {

    /** Most active (not revoked) keys one user may have; creating one more is a conflict (409, exit code 4). */
    @WithDefault("10")
    @Min(1)
    int maxActive();
}
