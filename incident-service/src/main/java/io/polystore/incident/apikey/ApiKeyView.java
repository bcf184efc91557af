package io.polystore.incident.apikey;

import java.time.Instant;
import java.util.List;

/**
 * A key as listed: never its secret, which cannot be read back. {@code parentKeyId} is the key that created it through
 * REST (null for keys made with the ops command line).
 */
public record ApiKeyView(long id, long userId, String name, String prefix, List<String> scopes, Long parentKeyId,
        Instant createdAt, Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.userId, key.name, key.prefix, ApiKeyScopes.list(key.scopes),
                key.parentKeyId, key.createdAt, key.lastUsedAt);
    }
}
