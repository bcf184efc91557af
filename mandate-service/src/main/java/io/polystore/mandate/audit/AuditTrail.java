package io.polystore.mandate.audit;

import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Where;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tenant's audit trail, newest first in keyset pages; read from the replica when one is configured. */
@ApplicationScoped
public class AuditTrail {

    private final Db db;

    AuditTrail(Db db) {
        this.db = db;
    }

    public Uni<AuditPage> search(String tenantId, UUID mandateId, AuditEventType type, Instant from, Instant to,
            Long before, int limit) {
        Where where = new Where().and("tenant_id = ?", tenantId);
        if (mandateId != null) {
            where.and("mandate_id = ?", mandateId);
        }
        if (type != null) {
            where.and("event_type = ?", type.value());
        }
        if (from != null) {
            where.and("\"timestamp\" >= ?", Times.param(from));
        }
        if (to != null) {
            where.and("\"timestamp\" < ?", Times.param(to));
        }
        if (before != null) {
            where.and("id < ?", before);
        }
        String sql = "SELECT " + AuditEntry.COLUMNS + " FROM audit_log" + where.sql() + " ORDER BY id DESC LIMIT "
                + where.parameter(limit + 1);
        return db.readReplica(sql, where.tuple()).map(rows -> {
            List<AuditEntry> entries = Db.map(rows, AuditEntry::of);
            List<AuditEntry> items = entries.stream().limit(limit).toList();
            return new AuditPage(items,
                    entries.size() > limit ? Cursors.after(items.get(items.size() - 1).id()) : null);
        });
    }
}
