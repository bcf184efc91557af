package io.polystore.mandate.alert;

import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Where;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A tenant's alerts: listed, marked read, resolved. */
@ApplicationScoped
public class AlertService {

    private final Db db;
    private final Clock clock;

    AlertService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<AlertPage> list(String tenantId, AlertType type, Severity severity, Boolean read, Boolean resolved,
            UUID before, int limit) {
        Where where = new Where().and("tenant_id = ?", tenantId);
        if (type != null) {
            where.and("alert_type = ?", type.value());
        }
        if (severity != null) {
            where.and("severity = ?", severity.value());
        }
        if (read != null) {
            where.and("is_read = ?", read);
        }
        if (resolved != null) {
            where.and("is_resolved = ?", resolved);
        }
        if (before != null) {
            where.and("id < ?", before);
        }
        return db.read("SELECT " + AlertView.COLUMNS + " FROM alerts" + where.sql() + " ORDER BY id DESC LIMIT "
                + where.parameter(limit + 1), where.tuple()).map(rows -> {
                    List<AlertView> all = Db.map(rows, AlertView::of);
                    List<AlertView> items = all.stream().limit(limit).toList();
                    return new AlertPage(items,
                            all.size() > limit ? Cursors.after(items.get(items.size() - 1).id()) : null);
                });
    }

    public Uni<AlertView> get(String tenantId, UUID id) {
        return db.read("SELECT " + AlertView.COLUMNS + " FROM alerts WHERE tenant_id = $1 AND id = $2",
                Tuple.of(tenantId, id)).map(rows -> found(Db.first(rows, AlertView::of), id));
    }

    public Uni<AlertView> markRead(String tenantId, UUID id) {
        return change(tenantId, id, "is_read = TRUE");
    }

    /** Resolving keeps the first {@code resolved_at}; a resolved expiry alert lets the job raise a new one later. */
    public Uni<AlertView> resolve(String tenantId, UUID id) {
        return change(tenantId, id, "is_resolved = TRUE, resolved_at = COALESCE(resolved_at, $3)");
    }

    private Uni<AlertView> change(String tenantId, UUID id, String assignments) {
        return db.inTransaction(connection -> connection.preparedQuery("UPDATE alerts SET " + assignments
                + ", updated_at = $3 WHERE tenant_id = $1 AND id = $2 RETURNING " + AlertView.COLUMNS)
                .execute(Tuple.of(tenantId, id, Times.param(Times.now(clock))))
                .map(rows -> found(Db.first(rows, AlertView::of), id)));
    }

    private static AlertView found(AlertView alert, UUID id) {
        if (alert == null) {
            throw ProblemException.notFound("alert " + id);
        }
        return alert;
    }
}
