package io.polystore.mandate.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.mandate.alert.AlertType;
import io.polystore.mandate.alert.Alerts;
import io.polystore.mandate.alert.Severity;
import io.polystore.mandate.config.MandateConfig;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries (the outbox). One run: <em>claim</em> up to {@code WEBHOOK_BATCH_SIZE} due rows in a short
 * transaction ({@code FOR UPDATE SKIP LOCKED}, so instances never claim the same row), counting the attempt and moving
 * {@code next_retry_at} ahead as a lease (timeout + {@link #LEASE_MARGIN}); then <em>send</em> each, outside any
 * transaction, with the non-blocking Vert.x web client; then <em>record</em> the outcome, only if the row is still this
 * run's claim. A process killed after the claim leaves the row to be sent again once the lease passes: at least once,
 * never lost, never two senders at a time.
 * <p>
 * 2xx is delivered. Otherwise attempt {@code n} is retried after {@code retry_delay_seconds × 2^(n-1)}, up to
 * {@code max_retries} retries after the first attempt; then the delivery has failed and a
 * {@code WEBHOOK_DELIVERY_FAILED} alert is raised.
 */
@ApplicationScoped
public class DeliveryWorker {

    static final Duration LEASE_MARGIN = Duration.ofSeconds(60);
    static final int MAX_RESPONSE_BODY = 1000;
    static final int MAX_ERROR = 500;
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    static final String CLAIM = "UPDATE webhook_deliveries d SET attempts = d.attempts + 1,"
            + " next_retry_at = $1::timestamptz + make_interval(secs => w.timeout_seconds + $3), updated_at = $1"
            + " FROM webhooks w WHERE w.id = d.webhook_id AND d.id IN (SELECT id FROM webhook_deliveries"
            + " WHERE next_retry_at <= $1 ORDER BY next_retry_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
            + " RETURNING d.id, d.tenant_id, d.webhook_id, d.mandate_id, d.event_type, d.payload, d.attempts, w.url,"
            + " w.secret_encrypted, w.is_active, w.max_retries, w.retry_delay_seconds, w.timeout_seconds";

    private final Db db;
    private final WebClient client;
    private final SecretCipher cipher;
    private final TargetGuard guard;
    private final Alerts alerts;
    private final Clock clock;
    private final int batchSize;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    DeliveryWorker(Db db, Vertx vertx, SecretCipher cipher, TargetGuard guard, Alerts alerts, Clock clock,
            MandateConfig config, MeterRegistry registry) {
        this.db = db;
        // redirects are never followed: a target could otherwise send the request where the guard refuses
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("polystore-mandate-webhooks/1").setConnectTimeout(10_000));
        this.cipher = cipher;
        this.guard = guard;
        this.alerts = alerts;
        this.clock = clock;
        this.batchSize = config.webhook().batchSize();
        this.delivered = counter(registry, "delivered");
        this.retried = counter(registry, "retry");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("mandate.webhook.deliveries").tag("outcome", outcome)
                .description(
                        "Webhook delivery attempts by outcome: delivered, retry (to be tried again), failed (gave up)")
                .register(registry);
    }

    /** A claimed delivery, with what sending it needs. */
    record Claimed(UUID id, String tenantId, UUID webhookId, UUID mandateId, String eventType, String payload,
            int attempts, String url, byte[] secretEncrypted, boolean active, int maxRetries, int retryDelaySeconds,
            int timeoutSeconds) {

        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("webhook_id"),
                    row.getUUID("mandate_id"), row.getString("event_type"), row.getString("payload"),
                    row.getInteger("attempts"), row.getString("url"), row.getBuffer("secret_encrypted").getBytes(),
                    row.getBoolean("is_active"), row.getInteger("max_retries"), row.getInteger("retry_delay_seconds"),
                    row.getInteger("timeout_seconds"));
        }
    }

    /** What one attempt got: a status (and body) or an error. */
    record Outcome(Integer statusCode, String responseBody, String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(every = "${webhook.poll-interval}", delayed = "${webhook.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce().onFailure().invoke(failure -> LOG.warnf("webhook delivery run failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run: claims, sends and records; the number of deliveries attempted. */
    public Uni<Integer> runOnce() {
        return claim().flatMap(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndMerge(this::attempt).collect().asList().map(List::size));
    }

    Uni<List<Claimed>> claim() {
        Instant now = Times.now(clock);
        return db.inTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(Times.param(now), batchSize, (int) LEASE_MARGIN.toSeconds()))
                .map(rows -> Db.map(rows, Claimed::of)));
    }

    private Uni<Void> attempt(Claimed claimed) {
        if (!claimed.active()) {
            return record(claimed, new Outcome(null, null, WebhookService.CANCELLED), true);
        }
        return send(claimed).flatMap(outcome -> record(claimed, outcome, false))
                .onFailure().invoke(failure -> LOG.warnf("recording delivery %s failed: %s", claimed.id(),
                        failure.toString()))
                .onFailure().recoverWithNull();
    }

    Uni<Outcome> send(Claimed claimed) {
        String secret;
        try {
            secret = cipher.decrypt(claimed.webhookId(), claimed.secretEncrypted());
        } catch (IllegalStateException e) {
            return Uni.createFrom().item(new Outcome(null, null, e.getMessage()));
        }
        byte[] body = claimed.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        return guard.check(claimed.url())
                .flatMap(ok -> client.postAbs(claimed.url()).timeout(claimed.timeoutSeconds() * 1000L)
                        .putHeader("Content-Type", "application/json")
                        .putHeader(WebhookSignature.ID_HEADER, claimed.id().toString())
                        .putHeader(WebhookSignature.EVENT_HEADER, claimed.eventType())
                        .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                        .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                        .sendBuffer(Buffer.buffer(body)))
                .map(DeliveryWorker::outcome)
                .onFailure().recoverWithItem(failure -> new Outcome(null, null, describe(failure)));
    }

    private static Outcome outcome(HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        return new Outcome(response.statusCode(), body == null ? null : truncate(body, MAX_RESPONSE_BODY), null);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof io.polystore.rest.problem.ProblemException problem) {
            return "refused target: " + problem.problem().detail();
        }
        return truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage(), MAX_ERROR);
    }

    /** The outcome, if the row is still this claim's (same attempt count); the alert when the delivery gives up. */
    private Uni<Void> record(Claimed claimed, Outcome outcome, boolean cancelled) {
        Instant now = Times.now(clock);
        boolean giveUp = cancelled || claimed.attempts() > claimed.maxRetries();
        Instant next = outcome.delivered() || giveUp
                ? null
                : now.plusSeconds((long) claimed.retryDelaySeconds() << Math.min(claimed.attempts() - 1, 20));
        return db.inTransaction(connection -> connection.preparedQuery("UPDATE webhook_deliveries SET"
                + " status_code = $3, response_body = $4, last_error = $5, is_delivered = $6,"
                + " delivered_at = CASE WHEN $6 THEN $7::timestamptz END,"
                + " failed_at = CASE WHEN $8 THEN $7::timestamptz END, next_retry_at = $9, updated_at = $7"
                + " WHERE id = $1 AND attempts = $2")
                .execute(Tuple.from(Arrays.asList(claimed.id(), claimed.attempts(), outcome.statusCode(),
                        outcome.responseBody(), outcome.error(), outcome.delivered(), Times.param(now),
                        !outcome.delivered() && giveUp, Times.param(next))))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().voidItem(); // another run took it over after the lease: its outcome counts
                    }
                    if (outcome.delivered()) {
                        delivered.increment();
                        return Uni.createFrom().voidItem();
                    }
                    if (!giveUp) {
                        retried.increment();
                        return Uni.createFrom().voidItem();
                    }
                    failed.increment();
                    return cancelled
                            ? Uni.createFrom().voidItem()
                            : alerts.raise(connection, claimed.tenantId(), AlertType.WEBHOOK_DELIVERY_FAILED,
                                    Severity.ERROR, "Webhook delivery failed",
                                    claimed.eventType() + " to " + claimed.url() + " failed after " + claimed.attempts()
                                            + " attempts: " + describe(outcome),
                                    claimed.mandateId(), claimed.webhookId()).replaceWithVoid();
                }));
    }

    private static String describe(Outcome outcome) {
        return outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : String.valueOf(outcome.error());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

}
