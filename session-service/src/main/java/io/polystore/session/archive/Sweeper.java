package io.polystore.session.archive;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.session.config.SessionConfig;
import io.polystore.session.session.SessionDocument;
import io.polystore.session.session.SessionStatus;
import io.polystore.session.session.SessionStore;
import io.polystore.session.session.SessionTimes;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Archives the sessions that are due: idle ones ({@code abandoned}) {@code SESSION_ARCHIVE_AHEAD} before their TTL
 * ends, and ended ones whose hand-over failed. Every instance sweeps; a session is taken with an atomic claim
 * ({@link SessionStore#claimDue}) that hides it from the others for {@code SESSION_ARCHIVE_LEASE}, so no two instances
 * hand it over at once, and one killed mid-sweep only delays it by the lease. Sessions are handed over one after the
 * other; with the breaker open each fails at once and waits for its claim to run out (the sweep's backoff).
 */
// created at start, so its metrics exist (at 0) before the first hand-over: alerts see them at once
@Startup
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final SessionStore store;
    private final SessionTimes times;
    private final Archiver archiver;
    private final int batchSize;
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();

    Sweeper(SessionStore store, SessionTimes times, Archiver archiver, SessionConfig config, MeterRegistry registry) {
        this.store = store;
        this.times = times;
        this.archiver = archiver;
        this.batchSize = config.session().archive().batchSize();
        Gauge.builder("session.archive.due.oldest.age.seconds", oldestDueAgeSeconds, AtomicLong::get)
                .description("How long the oldest session past its archive deadline has been waiting; 0 when none")
                .register(registry);
    }

    @Scheduled(every = "${session.archive.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sweep().onFailure().invoke(failure -> LOG.warnf("sweep failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One sweep: claims a batch of due sessions and hands each over; emits how many left Redis archived. */
    public Uni<Integer> sweep() {
        Instant now = times.now();
        Instant claim = times.claimUntil(now);
        return store.claimDue(now, claim, batchSize)
                .chain(ids -> handOver(ids, claim))
                .call(this::measureOldestDue);
    }

    /** The age of the oldest due session, as the gauge shows it. */
    public Uni<Duration> measureOldestDue() {
        Instant now = times.now();
        return store.oldestDeadline().map(oldest -> {
            Duration age = oldest.filter(deadline -> deadline.isBefore(now))
                    .map(deadline -> Duration.between(deadline, now)).orElse(Duration.ZERO);
            oldestDueAgeSeconds.set(age.toSeconds());
            return age;
        });
    }

    private Uni<Integer> handOver(List<String> ids, Instant claim) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> one(id, claim))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> one(String sessionId, Instant claim) {
        return store.read(sessionId).chain(found -> {
            if (found.isEmpty()) {
                return store.forget(sessionId).invoke(forgotten -> {
                    if (forgotten) {
                        LOG.errorf("session %s expired in Redis before it could be archived (due longer than"
                                + " SESSION_ARCHIVE_HOLD, or evicted)", sessionId);
                    }
                }).replaceWith(false);
            }
            SessionDocument session = found.get();
            // an idle session ends as abandoned, keeping its last activity (the archived duration is the time spent)
            SessionDocument archived = session.isActive()
                    ? session.ended(SessionStatus.ABANDONED, session.lastActivityAt())
                    : session;
            return archiver.archive(archived, claim);
        });
    }
}
