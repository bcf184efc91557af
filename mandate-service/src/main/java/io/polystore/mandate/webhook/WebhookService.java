package io.polystore.mandate.webhook;

import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Uuids;
import io.polystore.mandate.store.Where;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's webhooks and their deliveries. Every statement names the tenant (the seed system listed and retried every
 * tenant's deliveries); the signing secret is returned once, by {@link #create}.
 */
@ApplicationScoped
public class WebhookService {

    static final int DEFAULT_MAX_RETRIES = 3;
    static final int DEFAULT_RETRY_DELAY_SECONDS = 60;
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    /** Pending deliveries of a webhook that is deactivated or changed away from their event stop here. */
    static final String CANCELLED = "cancelled: the webhook was deactivated";

    private final Db db;
    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Clock clock;

    WebhookService(Db db, TargetGuard guard, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.guard = guard;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Uni<WebhookView> create(String tenantId, CreateWebhookRequest request) {
        UUID id = Uuids.next(clock);
        String secret = cipher.newSecret();
        Instant now = Times.now(clock);
        return guard.check(request.url()).flatMap(ok -> db.inTransaction(connection -> connection
                .preparedQuery("INSERT INTO webhooks (id, tenant_id, name, url, events, secret_encrypted, max_retries,"
                        + " retry_delay_seconds, timeout_seconds, created_at, updated_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING " + Webhook.COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, tenantId, request.name().strip(), request.url(),
                        Webhook.stored(request.events()),
                        io.vertx.core.buffer.Buffer.buffer(cipher.encrypt(id, secret)),
                        orDefault(request.maxRetries(), DEFAULT_MAX_RETRIES),
                        orDefault(request.retryDelaySeconds(), DEFAULT_RETRY_DELAY_SECONDS),
                        orDefault(request.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS), Times.param(now))))))
                .map(rows -> WebhookView.of(Db.first(rows, Webhook::of), secret));
    }

    public Uni<List<WebhookView>> list(String tenantId) {
        return db.read("SELECT " + Webhook.COLUMNS + " FROM webhooks WHERE tenant_id = $1 ORDER BY id LIMIT 1000",
                Tuple.of(tenantId)).map(rows -> Db.map(rows, row -> WebhookView.of(Webhook.of(row))));
    }

    public Uni<WebhookView> get(String tenantId, UUID id) {
        return db.read("SELECT " + Webhook.COLUMNS + " FROM webhooks WHERE tenant_id = $1 AND id = $2",
                Tuple.of(tenantId, id)).map(rows -> WebhookView.of(found(Db.first(rows, Webhook::of), id)));
    }

    public Uni<WebhookView> update(String tenantId, UUID id, UpdateWebhookRequest change) {
        if (change.changesNothing()) {
            String message = "give at least one field to change";
            throw new ProblemException(Problem.invalid(message, List.of(new Problem.FieldError("name", message))));
        }
        Uni<Void> checked = change.url() == null ? Uni.createFrom().voidItem() : guard.check(change.url());
        return checked.flatMap(ok -> db.inTransaction(connection -> connection
                .preparedQuery(
                        "SELECT " + Webhook.COLUMNS + " FROM webhooks WHERE tenant_id = $1 AND id = $2 FOR UPDATE")
                .execute(Tuple.of(tenantId, id)).map(rows -> found(Db.first(rows, Webhook::of), id))
                .flatMap(current -> connection.preparedQuery("UPDATE webhooks SET name = $3, url = $4, events = $5,"
                        + " is_active = $6, max_retries = $7, retry_delay_seconds = $8, timeout_seconds = $9,"
                        + " updated_at = $10, version = version + 1 WHERE tenant_id = $1 AND id = $2 RETURNING "
                        + Webhook.COLUMNS)
                        .execute(Tuple.from(Arrays.asList(tenantId, id,
                                change.name() == null ? current.name() : change.name().strip(),
                                change.url() == null ? current.url() : change.url(),
                                Webhook.stored(change.events() == null ? current.events() : change.events()),
                                change.isActive() == null ? current.active() : change.isActive(),
                                orDefault(change.maxRetries(), current.maxRetries()),
                                orDefault(change.retryDelaySeconds(), current.retryDelaySeconds()),
                                orDefault(change.timeoutSeconds(), current.timeoutSeconds()),
                                Times.param(Times.now(clock))))))
                .map(rows -> Db.first(rows, Webhook::of))
                .call(updated -> updated.active()
                        ? Uni.createFrom().voidItem()
                        : cancelPending(connection, tenantId, id))))
                .map(WebhookView::of);
    }

    /** Deletes the webhook and its deliveries (pending ones are never sent). */
    public Uni<Void> delete(String tenantId, UUID id) {
        return db.inTransaction(connection -> connection
                .preparedQuery("DELETE FROM webhooks WHERE tenant_id = $1 AND id = $2").execute(Tuple.of(tenantId, id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("webhook " + id);
                    }
                    return null;
                }));
    }

    /** A webhook's deliveries, newest first; {@code failedOnly}: those that gave up. */
    public Uni<DeliveryPage> deliveries(String tenantId, UUID webhookId, boolean failedOnly, UUID before, int limit) {
        return requireWebhook(tenantId, webhookId)
                .flatMap(ok -> page(tenantId, webhookId, failedOnly, before, limit));
    }

    /**
     * Deliveries across webhooks (the ops command line: {@code tenantId} null means every tenant), newest first.
     */
    public Uni<DeliveryPage> page(String tenantId, UUID webhookId, boolean failedOnly, UUID before, int limit) {
        Where where = new Where();
        if (tenantId != null) {
            where.and("tenant_id = ?", tenantId);
        }
        if (webhookId != null) {
            where.and("webhook_id = ?", webhookId);
        }
        if (failedOnly) {
            where.andRaw("failed_at IS NOT NULL");
        }
        if (before != null) {
            where.and("id < ?", before);
        }
        return db.read("SELECT " + DeliveryView.COLUMNS + " FROM webhook_deliveries" + where.sql()
                + " ORDER BY id DESC LIMIT " + where.parameter(limit + 1), where.tuple()).map(rows -> {
                    List<DeliveryView> all = Db.map(rows, DeliveryView::of);
                    List<DeliveryView> items = all.stream().limit(limit).toList();
                    return new DeliveryPage(items,
                            all.size() > limit ? Cursors.after(items.get(items.size() - 1).id()) : null);
                });
    }

    /** Sends a delivered or failed delivery again, from its first attempt; one still pending is a 409. */
    public Uni<DeliveryView> redeliver(String tenantId, UUID webhookId, UUID deliveryId) {
        Instant now = Times.now(clock);
        return db.inTransaction(connection -> connection.preparedQuery("SELECT d.next_retry_at, w.is_active"
                + " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                + " WHERE d.tenant_id = $1 AND d.webhook_id = $2 AND d.id = $3 FOR UPDATE OF d")
                .execute(Tuple.of(tenantId, webhookId, deliveryId)).flatMap(rows -> {
                    var row = Db.first(rows, r -> r);
                    if (row == null) {
                        throw ProblemException.notFound("delivery " + deliveryId + " of webhook " + webhookId);
                    }
                    if (row.getOffsetDateTime("next_retry_at") != null) {
                        throw ProblemException.conflict("delivery " + deliveryId + " is still pending");
                    }
                    if (!row.getBoolean("is_active")) {
                        throw ProblemException.conflict("webhook " + webhookId + " is inactive: activate it first");
                    }
                    return connection.preparedQuery(RESET + " WHERE id = $2 RETURNING " + DeliveryView.COLUMNS)
                            .execute(Tuple.of(Times.param(now), deliveryId));
                })).map(rows -> Db.first(rows, DeliveryView::of));
    }

    static final String RESET = "UPDATE webhook_deliveries SET attempts = 0, is_delivered = FALSE, delivered_at = NULL,"
            + " failed_at = NULL, status_code = NULL, response_body = NULL, last_error = NULL, next_retry_at = $1,"
            + " updated_at = $1";

    /**
     * Sends every failed delivery of active webhooks again, from its first attempt.
     *
     * @param tenantId
     *            null: every tenant's (the ops command line)
     * @return how many were queued
     */
    public Uni<Integer> retryFailed(String tenantId) {
        Instant now = Times.now(clock);
        return db.inTransaction(connection -> connection.preparedQuery(RESET + " WHERE failed_at IS NOT NULL"
                + " AND ($2::text IS NULL OR tenant_id = $2)"
                + " AND webhook_id IN (SELECT id FROM webhooks WHERE is_active)")
                .execute(Tuple.of(Times.param(now), tenantId)).map(rows -> rows.rowCount()));
    }

    private Uni<Void> cancelPending(io.vertx.mutiny.sqlclient.SqlConnection connection, String tenantId, UUID id) {
        Instant now = Times.now(clock);
        return connection.preparedQuery("UPDATE webhook_deliveries SET next_retry_at = NULL, failed_at = $3,"
                + " last_error = $4, updated_at = $3 WHERE tenant_id = $1 AND webhook_id = $2"
                + " AND next_retry_at IS NOT NULL").execute(Tuple.of(tenantId, id, Times.param(now), CANCELLED))
                .replaceWithVoid();
    }

    private Uni<Void> requireWebhook(String tenantId, UUID id) {
        return db.read("SELECT 1 FROM webhooks WHERE tenant_id = $1 AND id = $2", Tuple.of(tenantId, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("webhook " + id);
                    }
                    return null;
                });
    }

    private static Webhook found(Webhook webhook, UUID id) {
        if (webhook == null) {
            throw ProblemException.notFound("webhook " + id);
        }
        return webhook;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
