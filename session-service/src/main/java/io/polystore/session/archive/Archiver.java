package io.polystore.session.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.session.session.SessionDocument;
import io.polystore.session.session.SessionStatus;
import io.polystore.session.session.SessionStore;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Hands one claimed session over to the archive and, once mandate-service has stored it, removes it from Redis (only
 * while the claim still holds: a session written since stays, and is archived again later with its newer activity,
 * which the archive's upsert prefers). A failed hand-over removes nothing; the claim runs out and a sweeper takes the
 * session again. Counts {@code session.archived} by status and {@code session.archive.failures}.
 */
// created at start, so its metrics exist (at 0) before the first hand-over: alerts see them at once
@Startup
@ApplicationScoped
public class Archiver {

    private static final Logger LOG = Logger.getLogger(Archiver.class);

    private final ArchiveHandOver handOver;
    private final SessionStore store;
    private final Map<SessionStatus, Counter> archived = new EnumMap<>(SessionStatus.class);
    private final Counter failures;

    Archiver(ArchiveHandOver handOver, SessionStore store, MeterRegistry registry) {
        this.handOver = handOver;
        this.store = store;
        for (SessionStatus end : List.of(SessionStatus.FINALIZED, SessionStatus.COMPLETED, SessionStatus.ABANDONED)) {
            archived.put(end, Counter.builder("session.archived")
                    .description("Sessions handed over to the archive and removed from Redis")
                    .tag("status", end.value()).register(registry));
        }
        this.failures = Counter.builder("session.archive.failures")
                .description("Session hand-overs to the archive that failed (the session stays in Redis)")
                .register(registry);
    }

    /** Emits true when the session is archived and gone from Redis, false when it stays (failure or newer writes). */
    public Uni<Boolean> archive(SessionDocument session, Instant claim) {
        return handOver.archive(ArchiveRecord.of(session))
                .onItemOrFailure().transformToUni((receipt, failure) -> {
                    if (failure != null) {
                        failures.increment();
                        LOG.debugf(failure, "session %s: hand-over to the archive failed; it stays in Redis",
                                session.sessionId());
                        return Uni.createFrom().item(false);
                    }
                    return store.finish(session, claim).invoke(removed -> {
                        if (removed) {
                            archived.get(session.status()).increment();
                        }
                    });
                });
    }
}
