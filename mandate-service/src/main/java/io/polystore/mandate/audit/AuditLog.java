package io.polystore.mandate.audit;

import io.polystore.mandate.store.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Writes audit rows on the connection of the change they record, so both commit or neither does. */
@ApplicationScoped
public class AuditLog {

    static final String INSERT = "INSERT INTO audit_log (tenant_id, mandate_id, event_type, \"timestamp\", details)"
            + " VALUES ($1, $2, $3, $4, $5)";

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(SqlConnection connection, Actor actor, UUID mandateId, AuditEventType type,
            JsonObject change) {
        JsonObject details = actor.details();
        if (change != null && !change.isEmpty()) {
            details.put("change", change);
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.of(actor.tenantId(), mandateId, type.value(), Times.param(Times.now(clock)), details))
                .replaceWithVoid();
    }
}
