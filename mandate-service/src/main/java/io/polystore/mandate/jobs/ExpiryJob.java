package io.polystore.mandate.jobs;

import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.audit.AuditEventType;
import io.polystore.mandate.audit.AuditLog;
import io.polystore.mandate.config.MandateConfig;
import io.polystore.mandate.alert.AlertType;
import io.polystore.mandate.alert.Alerts;
import io.polystore.mandate.alert.Severity;
import io.polystore.mandate.mandate.Mandate;
import io.polystore.mandate.mandate.MandateEvents;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.webhook.WebhookEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The hourly expiry job (once across instances, {@link JobLock}): live mandates past {@code expires_at} become
 * {@code expired} (audited, with a {@code MandateExpired} event), and each live mandate expiring within the threshold
 * gets one open {@code MANDATE_EXPIRING} alert ({@code warning} when 3 days or less remain, else {@code info}); the
 * unique index on open expiry alerts means a second run raises none again.
 */
@ApplicationScoped
public class ExpiryJob {

    static final Duration WARNING_WITHIN = Duration.ofDays(3);
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    private static final int BATCH = 1000;

    /** What a run did (or, dry, would do). */
    public record Result(boolean ran, int expired, int alertsRaised, boolean dryRun) {
    }

    private final JobLock lock;
    private final AuditLog audit;
    private final MandateEvents events;
    private final Alerts alerts;
    private final Clock clock;
    private final int defaultDays;

    ExpiryJob(JobLock lock, AuditLog audit, MandateEvents events, Alerts alerts, Clock clock, MandateConfig config) {
        this.lock = lock;
        this.audit = audit;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
        this.defaultDays = config.alerts().expiringWithinDays();
    }

    @Scheduled(every = "${alerts.check-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(defaultDays, false).invoke(result -> LOG.debugf("expiry job: %s", result))
                .onFailure().invoke(failure -> LOG.warnf("expiry job failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Result> run(int withinDays, boolean dryRun) {
        Instant now = Times.now(clock);
        Instant horizon = now.plus(Duration.ofDays(withinDays));
        return lock.runExclusive(JobLock.Job.EXPIRY, connection -> dryRun
                ? count(connection, now, horizon)
                : expire(connection, now).flatMap(expired -> raise(connection, now, horizon)
                        .map(raised -> new Result(true, expired, raised, false))))
                .map(result -> result.orElse(new Result(false, 0, 0, dryRun)));
    }

    private Uni<Result> count(SqlConnection connection, Instant now, Instant horizon) {
        return connection.preparedQuery("SELECT"
                + " count(*) FILTER (WHERE expires_at <= $1) AS expired,"
                + " count(*) FILTER (WHERE expires_at > $1 AND expires_at <= $2 AND NOT EXISTS (SELECT 1 FROM alerts a"
                + " WHERE a.mandate_id = m.id AND a.alert_type = 'MANDATE_EXPIRING' AND NOT a.is_resolved)) AS due"
                + " FROM mandates m WHERE status IN ('active', 'suspended') AND expires_at <= $2")
                .execute(Tuple.of(Times.param(now), Times.param(horizon))).map(rows -> {
                    var row = rows.iterator().next();
                    return new Result(true, row.getLong("expired").intValue(), row.getLong("due").intValue(), true);
                });
    }

    private Uni<Integer> expire(SqlConnection connection, Instant now) {
        return connection.preparedQuery("UPDATE mandates SET status = 'expired', updated_at = $1,"
                + " version = version + 1 WHERE id IN (SELECT id FROM mandates WHERE status IN ('active', 'suspended')"
                + " AND expires_at <= $1 LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED) RETURNING " + Mandate.COLUMNS)
                .execute(Tuple.of(Times.param(now))).flatMap(rows -> Multi.createFrom().iterable(rows)
                        .map(Mandate::of)
                        .onItem().transformToUniAndConcatenate(mandate -> audit
                                .record(connection, Actor.system(mandate.tenantId()), mandate.id(),
                                        AuditEventType.UPDATE, new JsonObject().put("status",
                                                new JsonObject().put("to", "expired").put("by", "expiry job")))
                                .flatMap(ignored -> events.publish(connection, WebhookEvent.MANDATE_EXPIRED, mandate)))
                        .collect().asList().map(done -> rows.rowCount()));
    }

    private Uni<Integer> raise(SqlConnection connection, Instant now, Instant horizon) {
        return connection.preparedQuery("SELECT " + Mandate.COLUMNS + " FROM mandates m"
                + " WHERE status IN ('active', 'suspended') AND expires_at > $1 AND expires_at <= $2"
                + " AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.mandate_id = m.id"
                + " AND a.alert_type = 'MANDATE_EXPIRING' AND NOT a.is_resolved) LIMIT " + BATCH)
                .execute(Tuple.of(Times.param(now), Times.param(horizon)))
                .flatMap(rows -> Multi.createFrom().iterable(rows).map(Mandate::of)
                        .onItem().transformToUniAndConcatenate(mandate -> {
                            Duration left = Duration.between(now, mandate.expiresAt());
                            Severity severity = left.compareTo(WARNING_WITHIN) <= 0 ? Severity.WARNING : Severity.INFO;
                            return alerts.raise(connection, mandate.tenantId(), AlertType.MANDATE_EXPIRING, severity,
                                    "Mandate expiring", mandate.describe() + " expires at " + mandate.expiresAt(),
                                    mandate.id(), null);
                        })
                        .collect().asList().map(raised -> (int) raised.stream().filter(Boolean::booleanValue).count()));
    }

}
