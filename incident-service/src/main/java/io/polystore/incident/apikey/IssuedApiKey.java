package io.polystore.incident.apikey;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to create and regenerate: the only time {@code apiKey} is ever shown. */
@Schema(name = "IssuedApiKey", requiredProperties = {"keyId", "userId", "name", "prefix", "scopes", "parentKeyId",
        "createdAt", "apiKey"})
public record IssuedApiKey(long keyId, long userId, String name, String prefix, List<String> scopes,
        @Schema(nullable = true, description = "the key that created it; null for keys made with the ops command line") Long parentKeyId,
        Instant createdAt,
        @Schema(description = "the key itself, `psk_<prefix>.<secret>`: shown in this answer only") String apiKey) {

    static IssuedApiKey of(ApiKey key, String apiKey) {
        return new IssuedApiKey(key.id, key.userId, key.name, key.prefix, ApiKeyScopes.list(key.scopes),
                key.parentKeyId, key.createdAt, apiKey);
    }

    @Override
    public String toString() {
        return "IssuedApiKey[keyId=" + keyId + ", userId=" + userId + ", prefix=" + prefix + "]";
    }
}
