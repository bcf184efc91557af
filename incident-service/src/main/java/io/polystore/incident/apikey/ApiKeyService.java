package io.polystore.incident.apikey;

import io.polystore.incident.user.UserRepository;
import io.polystore.rest.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final LastUsedRecorder lastUsed;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, LastUsedRecorder lastUsed) {
        this.keys = keys;
        this.users = users;
        this.lastUsed = lastUsed;
    }

    @WithTransaction
    public Uni<IssuedApiKey> create(long userId, String name) {
        return users.findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("user " + userId))
                .flatMap(user -> {
                    ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
                    ApiKey key = new ApiKey();
                    key.userId = userId;
                    key.name = name.strip();
                    key.prefix = generated.prefix();
                    key.secretHash = generated.hash();
                    return keys.persist(key).map(saved -> IssuedApiKey.of(saved, generated.apiKey()));
                });
    }

    @WithSession
    public Uni<List<ApiKeyView>> list(long userId) {
        return keys.activeOf(userId).map(found -> found.stream().map(ApiKeyView::of).toList());
    }

    /** A new secret (and prefix) for the same key: the old secret stops working at once. */
    @WithTransaction
    public Uni<IssuedApiKey> regenerate(long keyId, long userId) {
        return owned(keyId, userId).map(key -> {
            ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
            key.prefix = generated.prefix();
            key.secretHash = generated.hash();
            return IssuedApiKey.of(key, generated.apiKey());
        });
    }

    /** Revokes the key; the row stays so that the incidents it reported keep their reporter. */
    @WithTransaction
    public Uni<Void> revoke(long keyId, long userId) {
        return owned(keyId, userId).invoke(key -> key.revokedAt = Instant.now()).replaceWithVoid();
    }

    /** Empty for a malformed, unknown, revoked or wrong key alike: the caller learns nothing about which. */
    @WithSession
    public Uni<Optional<VerifiedKey>> verify(String apiKey) {
        Optional<String> prefix = ApiKeySecrets.prefixOf(apiKey);
        if (prefix.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.activeByPrefix(prefix.get()).map(key -> {
            if (key == null || !ApiKeySecrets.matches(apiKey, key.secretHash)) {
                return Optional.empty();
            }
            lastUsed.record(key.id);
            return Optional.of(new VerifiedKey(key.id, key.userId, key.name));
        });
    }

    private Uni<ApiKey> owned(long keyId, long userId) {
        return keys.activeOwned(keyId, userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("api key " + keyId));
    }
}
