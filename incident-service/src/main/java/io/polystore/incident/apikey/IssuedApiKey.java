package io.polystore.incident.apikey;

import java.time.Instant;
import java.util.List;

/** The answer to create and regenerate: the only time {@code apiKey} is ever shown. */
public record IssuedApiKey(long keyId, long userId, String name, String prefix, List<String> scopes,
        Long parentKeyId, Instant createdAt, String apiKey) {

    static IssuedApiKey of(ApiKey key, String apiKey) {
        return new IssuedApiKey(key.id, key.userId, key.name, key.prefix, ApiKeyScopes.list(key.scopes),
                key.parentKeyId, key.createdAt, apiKey);
    }

    @Override
    public String toString() {
        return "IssuedApiKey[keyId=" + keyId + ", userId=" + userId + ", prefix=" + prefix + "]";
    }
}
