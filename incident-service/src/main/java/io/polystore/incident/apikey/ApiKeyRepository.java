package io.polystore.incident.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    /**
     * Every key created from {@code keyId}, at any depth, that is still active. Walks revoked keys too, so nothing
     * below a key revoked earlier is missed. One query (the tree is followed through {@code ix_api_keys_parent}).
     */
    private static final String ACTIVE_DESCENDANTS = """
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM api_keys WHERE parent_key_id = ?1
                UNION
                SELECT child.id FROM api_keys child JOIN tree ON child.parent_key_id = tree.id
            )
            SELECT k.id FROM api_keys k JOIN tree ON k.id = tree.id WHERE k.revoked_at IS NULL ORDER BY k.id""";

    public Uni<List<ApiKey>> activeOf(long userId) {
        return find("userId = ?1 and revokedAt is null", Sort.by("id"), userId).list();
    }

    public Uni<Long> countActive(long userId) {
        return count("userId = ?1 and revokedAt is null", userId);
    }

    public Uni<ApiKey> activeOwned(long keyId, long userId) {
        return find("id = :id and userId = :user and revokedAt is null",
                Parameters.with("id", keyId).and("user", userId)).firstResult();
    }

    public Uni<ApiKey> activeByPrefix(String prefix) {
        return find("prefix = ?1 and revokedAt is null", prefix).firstResult();
    }

    public Uni<List<Long>> activeDescendants(long keyId) {
        return getSession().flatMap(session -> session.createNativeQuery(ACTIVE_DESCENDANTS, Long.class)
                .setParameter(1, keyId).getResultList());
    }

    /**
     * Stamps {@code at} as the keys' last use unless a later time is already there (another instance, another clock):
     * {@code last_used_at} only moves forward.
     */
    public Uni<Integer> stampLastUsed(List<Long> keyIds, Instant at) {
        return update("lastUsedAt = greatest(coalesce(lastUsedAt, ?1), ?1) where id in ?2", at, keyIds);
    }

    public Uni<Integer> revoke(List<Long> keyIds, Instant at) {
        return update("revokedAt = ?1 where id in ?2 and revokedAt is null", at, keyIds);
    }
}
