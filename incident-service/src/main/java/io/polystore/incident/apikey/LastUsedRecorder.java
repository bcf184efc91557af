package io.polystore.incident.apikey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Key verification must not wait for a write, so it only notes which keys were used; one UPDATE per interval
 * ({@code incident.api-keys.last-used-flush}, default 5 s) stamps them all. A crash loses at most one interval of
 * last-used times, never a key.
 */
@ApplicationScoped
public class LastUsedRecorder {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);

    private final Set<Long> used = ConcurrentHashMap.newKeySet();
    private final ApiKeyRepository keys;

    LastUsedRecorder(ApiKeyRepository keys) {
        this.keys = keys;
    }

    void record(long keyId) {
        used.add(keyId);
    }

    @Scheduled(every = "${incident.api-keys.last-used-flush:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        if (used.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> batch = new ArrayList<>(used);
        batch.forEach(used::remove);
        Instant now = Instant.now();
        return Panache.withTransaction(() -> keys.update("lastUsedAt = ?1 where id in ?2", now, batch))
                .onFailure().invoke(failure -> {
                    used.addAll(batch);
                    LOG.warnf("could not record last use of %d API keys, will retry: %s", batch.size(),
                            failure.getMessage());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
