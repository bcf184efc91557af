package io.polystore.mandate.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.mandate.config.MandateConfig;
import io.polystore.mandate.store.Times;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The daily retention job (once across instances, {@link JobLock}): soft-deleted mandates once {@code deleted_at +
 * retention_days} has passed (the seed: 90 days, here per mandate), audit rows older than {@code AUDIT_RETENTION_DAYS}
 * (365, by {@code "timestamp"} as the seed's SQL), resolved alerts older than {@code ALERT_RETENTION_DAYS} (30). Counts
 * go to {@code mandate_retention_purged_total{kind}}; {@code --dry-run} (the ops command line) only counts.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    static final String MANDATES = "FROM mandates WHERE deleted_at IS NOT NULL"
            + " AND deleted_at + make_interval(days => retention_days) <= $1";
    static final String AUDIT = "FROM audit_log WHERE \"timestamp\" < $1::timestamptz - make_interval(days => $2)";
    static final String ALERTS = "FROM alerts WHERE is_resolved AND resolved_at < $1::timestamptz"
            + " - make_interval(days => $2)";

    /** What a run purged (or, dry, would purge); {@code ran} false: another instance held the lock. */
    public record Result(boolean ran, long mandates, long audit, long alerts, boolean dryRun) {
    }

    private final JobLock lock;
    private final Clock clock;
    private final int auditDays;
    private final int alertDays;
    private final Counter purgedMandates;
    private final Counter purgedAudit;
    private final Counter purgedAlerts;

    RetentionJob(JobLock lock, Clock clock, MandateConfig config, MeterRegistry registry) {
        this.lock = lock;
        this.clock = clock;
        this.auditDays = config.auditRetentionDays();
        this.alertDays = config.alertRetentionDays();
        this.purgedMandates = counter(registry, "mandates");
        this.purgedAudit = counter(registry, "audit");
        this.purgedAlerts = counter(registry, "alerts");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("mandate.retention.purged").tag("kind", kind)
                .description("Rows the retention job purged: soft-deleted mandates, audit rows, resolved alerts")
                .register(registry);
    }

    @Scheduled(cron = "${retention.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(false).invoke(result -> LOG.infof("retention job: %s", result))
                .onFailure().invoke(failure -> LOG.warnf("retention job failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Result> run(boolean dryRun) {
        Instant now = Times.now(clock);
        return lock.runExclusive(JobLock.Job.RETENTION, connection -> {
            Uni<Long> mandates = apply(connection, MANDATES, Tuple.of(Times.param(now)), dryRun);
            return mandates.flatMap(m -> apply(connection, AUDIT, Tuple.of(Times.param(now), auditDays), dryRun)
                    .flatMap(a -> apply(connection, ALERTS, Tuple.of(Times.param(now), alertDays), dryRun)
                            .map(al -> new Result(true, m, a, al, dryRun))));
        }).map(result -> result.orElse(new Result(false, 0, 0, 0, dryRun)))
                .invoke(result -> {
                    if (result.ran() && !dryRun) {
                        purgedMandates.increment(result.mandates());
                        purgedAudit.increment(result.audit());
                        purgedAlerts.increment(result.alerts());
                    }
                });
    }

    private static Uni<Long> apply(SqlConnection connection, String from, Tuple parameters, boolean dryRun) {
        if (dryRun) {
            return connection.preparedQuery("SELECT count(*) AS n " + from).execute(parameters)
                    .map(rows -> rows.iterator().next().getLong("n"));
        }
        return connection.preparedQuery("DELETE " + from).execute(parameters).map(rows -> (long) rows.rowCount());
    }
}
