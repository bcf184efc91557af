package io.polystore.incident.apikey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Key verification must not wait for a write, so it only notes which keys were used; every interval
 * ({@code INCIDENT_API_KEYS_LAST_USED_FLUSH}, default 5 s, in {@code IncidentConfig}) stamps them all with the time of
 * the flush, taken from the injected {@link Clock}. A crash loses at most one interval of last-used times, never a key.
 * <ul>
 * <li>At most {@link #CHUNK} ids per {@code UPDATE ... WHERE id IN (...)}, each chunk its own transaction: a gateway
 * with a cold cache can send up to 100,000 distinct keys in an interval, and one statement with that many placeholders
 * is refused (MariaDB allows 65,535) and would hold that many row locks at once.</li>
 * <li>{@code last_used_at} never moves backwards: {@code GREATEST(COALESCE(last_used_at, now), now)}. Several instances
 * flush with their own clocks; one that lags must not overwrite a later time another wrote.</li>
 * <li>A chunk that fails is noted again and retried with the next flush.</li>
 * </ul>
 */
@ApplicationScoped
public class LastUsedRecorder {

    /** Most key ids in one UPDATE statement. */
    static final int CHUNK = 1000;

    private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);

    private final Set<Long> used = ConcurrentHashMap.newKeySet();
    private final ApiKeyRepository keys;
    private final Clock clock;

    LastUsedRecorder(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    void record(long keyId) {
        used.add(keyId);
    }

    @Scheduled(every = "${incident.api-keys.last-used-flush}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        return flushNow().replaceWithVoid();
    }

    /**
     * Stamps every key noted since the last flush, {@link #CHUNK} per statement, one statement after the other.
     *
     * @return the number of ids in each statement that was written (failed ones are left out, and noted again)
     */
    Uni<List<Integer>> flushNow() {
        if (used.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> batch = new ArrayList<>(used);
        batch.forEach(used::remove);
        Instant now = clock.instant();
        return Multi.createFrom().iterable(chunks(batch, CHUNK))
                .onItem().transformToUniAndConcatenate(chunk -> Panache
                        .withTransaction(() -> keys.stampLastUsed(chunk, now))
                        .replaceWith(chunk.size())
                        .onFailure().recoverWithItem(failure -> {
                            used.addAll(chunk);
                            LOG.warnf("could not record last use of %d API keys, will retry: %s", chunk.size(),
                                    brief(failure));
                            return null;
                        }))
                .collect().asList();
    }

    /** The failure in one short line: a failed statement's message repeats its SQL, placeholders and all. */
    static String brief(Throwable failure) {
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }

    /** {@code ids} in consecutive pieces of at most {@code size}. */
    static List<List<Long>> chunks(List<Long> ids, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size);
        }
        List<List<Long>> chunks = new ArrayList<>((ids.size() + size - 1) / size);
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
        }
        return chunks;
    }
}
