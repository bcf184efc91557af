package io.polystore.incident.apikey;

import io.polystore.incident.config.IncidentConfig;
import io.polystore.incident.health.MySqlReadinessCheck;
import io.polystore.incident.user.User;
import io.polystore.incident.user.UserRepository;
import io.polystore.rest.identity.Caller;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreCalls;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's API keys. Every change to which keys a user holds (create, revoke) first locks the user's row until commit:
 * two creates cannot both see room for one more key, and a key cannot create a child while it is being revoked (the
 * child would escape the revocation).
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final LastUsedRecorder lastUsed;
    private final IncidentConfig.ApiKeys limits;
    private final Clock clock;
    private final StoreCalls calls;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, LastUsedRecorder lastUsed, IncidentConfig config,
            Clock clock, StoreCalls calls) {
        this.keys = keys;
        this.users = users;
        this.lastUsed = lastUsed;
        this.limits = config.apiKeys();
        this.clock = clock;
        this.calls = calls;
    }

    /** The ops command line's create: a key with exactly {@code scopes} and no parent. */
    @WithTransaction
    public Uni<IssuedApiKey> create(long userId, String name, Set<String> scopes) {
        return lockUser(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("user " + userId))
                .flatMap(user -> requireRoom(userId))
                .flatMap(room -> persist(userId, name, scopes, null));
    }

    /**
     * REST's create: a key made by the caller's key, which becomes its parent. It gets {@code requested} (null: the
     * caller's data scopes), never a scope the caller's key lacks (403).
     */
    @WithTransaction
    public Uni<IssuedApiKey> createFor(Caller caller, String name, Set<String> requested) {
        long userId = caller.userId();
        return lockUser(userId)
                .flatMap(user -> keys.activeOwned(caller.keyId(), userId))
                // revoked after the gateway verified it (it refuses the key within 5 s): it creates nothing more
                .onItem().ifNull().failWith(() -> ProblemException.unauthorized("the calling API key is revoked"))
                .flatMap(parent -> {
                    Set<String> held = ApiKeyScopes.held(parent.scopes, caller.scopes());
                    Set<String> scopes = requested == null
                            ? ApiKeyScopes.inherited(held)
                            : ApiKeyScopes.requireHeld(requested, held);
                    return requireRoom(userId).flatMap(room -> persist(userId, name, scopes, parent.id));
                });
    }

    @WithSession
    public Uni<List<ApiKeyView>> list(long userId) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> keys.activeOf(userId))
                .map(found -> found.stream().map(ApiKeyView::of).toList());
    }

    /** One of the user's active keys; someone else's is "not found". */
    @WithSession
    public Uni<ApiKeyView> get(long keyId, long userId) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> owned(keyId, userId)).map(ApiKeyView::of);
    }

    /**
     * A new secret (and prefix) for the same key, with the same scopes and children. Gateways remember a verification
     * for at most 5 s, so the old secret is refused everywhere within 5 s.
     */
    @WithTransaction
    public Uni<IssuedApiKey> regenerate(long keyId, long userId) {
        return owned(keyId, userId).map(key -> {
            ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
            key.prefix = generated.prefix();
            key.secretHash = generated.hash();
            return IssuedApiKey.of(key, generated.apiKey());
        });
    }

    /**
     * Revokes the key and every active key it created, transitively, in one transaction: a leaked parent cannot leave
     * children behind. Rows stay, so the incidents they reported keep their reporter.
     *
     * @return the ids of the revoked descendants (not the key itself), ascending
     */
    @WithTransaction
    public Uni<List<Long>> revoke(long keyId, long userId) {
        Instant now = clock.instant();
        return lockUser(userId)
                .flatMap(user -> owned(keyId, userId))
                .flatMap(key -> keys.activeDescendants(key.id))
                .flatMap(descendants -> {
                    List<Long> all = new ArrayList<>(descendants.size() + 1);
                    all.add(keyId);
                    all.addAll(descendants);
                    return keys.revoke(all, now).replaceWith(descendants);
                });
    }

    /** Empty for a malformed, unknown, revoked or wrong key alike: the caller learns nothing about which. */
    @WithSession
    public Uni<Optional<VerifiedKey>> verify(String apiKey) {
        Optional<String> prefix = ApiKeySecrets.prefixOf(apiKey);
        if (prefix.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return calls.bounded(MySqlReadinessCheck.NAME, () -> keys.activeByPrefix(prefix.get())).map(key -> {
            if (key == null || !ApiKeySecrets.matches(apiKey, key.secretHash)) {
                return Optional.empty();
            }
            lastUsed.record(key.id);
            return Optional.of(new VerifiedKey(key.id, key.userId, key.name, ApiKeyScopes.list(key.scopes)));
        });
    }

    /** The user's row, locked until commit (null when there is no such user). */
    private Uni<User> lockUser(long userId) {
        return users.findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Counted under the user's lock, so concurrent creates never pass the limit together. */
    private Uni<Void> requireRoom(long userId) {
        int max = limits.maxActive();
        return keys.countActive(userId).invoke(active -> {
            if (active >= max) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT, "user " + userId + " already has "
                        + active + " active API keys, the most allowed; revoke one first").with("maxActive", max));
            }
        }).replaceWithVoid();
    }

    private Uni<IssuedApiKey> persist(long userId, String name, Set<String> scopes, Long parentKeyId) {
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.userId = userId;
        key.name = name.strip();
        key.prefix = generated.prefix();
        key.secretHash = generated.hash();
        key.scopes = Scopes.format(scopes);
        key.parentKeyId = parentKeyId;
        return keys.persist(key).map(saved -> IssuedApiKey.of(saved, generated.apiKey()));
    }

    private Uni<ApiKey> owned(long keyId, long userId) {
        return keys.activeOwned(keyId, userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("api key " + keyId));
    }
}
