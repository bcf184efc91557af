package io.polystore.incident.apikey;

import java.time.Instant;

/** The answer to create and regenerate: the only time {@code apiKey} is ever shown. */
public record IssuedApiKey(long keyId, long userId, String name, String prefix, Instant createdAt, String apiKey) {

    static IssuedApiKey of(ApiKey key, String apiKey) {
        return new IssuedApiKey(key.id, key.userId, key.name, key.prefix, key.createdAt, apiKey);
    }

    @Override
    public String toString() {
        return "IssuedApiKey[keyId=" + keyId + ", userId=" + userId + ", prefix=" + prefix + "]";
    }
}
