package io.polystore.mandate.webhook;

import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Uuids;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an event into one delivery row per active webhook of the tenant that subscribed to it, on the connection of the
 * change that raised it: both commit or neither does, so a process that dies after the commit loses nothing (the worker
 * sends the rows later), and a rolled-back change sends nothing.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> enqueue(SqlClient client, String tenantId, WebhookEvent event, UUID mandateId,
            JsonObject data) {
        Instant now = Times.now(clock);
        // the exact bytes every subscriber gets; the signature covers them
        String payload = new JsonObject().put("id", Uuids.next(clock).toString()).put("type", event.value())
                .put("occurredAt", now.toString()).put("data", data).encode();
        return client.preparedQuery("SELECT id FROM webhooks WHERE tenant_id = $1 AND is_active AND $2 = ANY(events)")
                .execute(Tuple.of(tenantId, event.value())).flatMap(webhooks -> {
                    if (webhooks.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Tuple> rows = new ArrayList<>();
                    webhooks.forEach(webhook -> rows.add(Tuple.from(java.util.Arrays.asList(Uuids.next(clock),
                            tenantId, webhook.getUUID("id"), mandateId, event.value(), payload, Times.param(now)))));
                    return client.preparedQuery("INSERT INTO webhook_deliveries (id, tenant_id, webhook_id,"
                            + " mandate_id, event_type, payload, next_retry_at, created_at, updated_at)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)").executeBatch(rows).replaceWithVoid();
                });
    }
}
