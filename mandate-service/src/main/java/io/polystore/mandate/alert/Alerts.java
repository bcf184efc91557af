package io.polystore.mandate.alert;

import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Uuids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** Raises alerts on the connection of what caused them (same transaction). */
@ApplicationScoped
public class Alerts {

    private final Clock clock;

    Alerts(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return whether a row was written: an expiry alert already open for the mandate is not raised twice
     *         ({@code uk_alerts_open_expiring})
     */
    public Uni<Boolean> raise(SqlClient client, String tenantId, AlertType type, Severity severity, String title,
            String message, UUID mandateId, UUID webhookId) {
        Instant now = Times.now(clock);
        return client.preparedQuery("INSERT INTO alerts (id, tenant_id, mandate_id, webhook_id, alert_type, title,"
                + " message, severity, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
                + " ON CONFLICT DO NOTHING")
                .execute(Tuple.from(Arrays.asList(Uuids.next(clock), tenantId, mandateId, webhookId, type.value(),
                        title, message.length() > 2000 ? message.substring(0, 2000) : message, severity.value(),
                        Times.param(now))))
                .map(rows -> rows.rowCount() > 0);
    }
}
