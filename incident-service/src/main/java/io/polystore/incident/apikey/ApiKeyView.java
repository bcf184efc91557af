package io.polystore.incident.apikey;

import java.time.Instant;

/** A key as listed: never its secret, which cannot be read back. */
public record ApiKeyView(long id, long userId, String name, String prefix, Instant createdAt, Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.userId, key.name, key.prefix, key.createdAt, key.lastUsedAt);
    }
}
