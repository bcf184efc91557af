package io.polystore.payment.idempotency;

import io.polystore.payment.config.PaymentConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Removes idempotency keys past their window every hour (a key reused later removes its own old row anyway; this keeps
 * keys that are never reused from piling up). Idempotent and harmless on several instances at once.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyRepository keys;
    private final Pool pool;
    private final Clock clock;
    private final Duration window;

    IdempotencyPurge(IdempotencyRepository keys, Pool pool, Clock clock, PaymentConfig config) {
        this.keys = keys;
        this.pool = pool;
        this.clock = clock;
        this.window = config.payments().idempotencyWindow();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> hourly() {
        return purgeExpired().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("idempotency key purge failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** @return how many keys were removed (at most 10,000 a run) */
    public Uni<Integer> purgeExpired() {
        return keys.purge(pool, clock.instant().minus(window))
                .invoke(removed -> LOG.debugf("removed %d expired idempotency keys", removed));
    }
}
