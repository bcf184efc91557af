package io.polystore.incident.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    public Uni<List<ApiKey>> activeOf(long userId) {
        return find("userId = ?1 and revokedAt is null", Sort.by("id"), userId).list();
    }

    public Uni<ApiKey> activeOwned(long keyId, long userId) {
        return find("id = :id and userId = :user and revokedAt is null",
                Parameters.with("id", keyId).and("user", userId)).firstResult();
    }

    public Uni<ApiKey> activeByPrefix(String prefix) {
        return find("prefix = ?1 and revokedAt is null", prefix).firstResult();
    }
}
