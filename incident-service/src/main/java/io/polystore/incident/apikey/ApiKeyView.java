package io.polystore.incident.apikey;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A key as listed: never its secret, which cannot be read back. {@code parentKeyId} is the key that created it through
 * REST (null for keys made with the ops command line).
 */
@Schema(name = "ApiKey", requiredProperties = {"id", "userId", "name", "prefix", "scopes", "parentKeyId", "createdAt",
        "lastUsedAt"})
public record ApiKeyView(long id, long userId, String name, String prefix, List<String> scopes,
        @Schema(nullable = true, description = "the key that created it; null for keys made with the ops command line") Long parentKeyId,
        Instant createdAt,
        @Schema(nullable = true, description = "accurate to the gateway's verification cache (5 s) plus the flush interval (5 s); null if never used") Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.userId, key.name, key.prefix, ApiKeyScopes.list(key.scopes),
                key.parentKeyId, key.createdAt, key.lastUsedAt);
    }
}
