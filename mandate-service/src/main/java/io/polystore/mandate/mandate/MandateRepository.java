package io.polystore.mandate.mandate;

import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Where;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** SQL of {@code mandates}; every statement names the tenant. */
@ApplicationScoped
public class MandateRepository {

    static final String INSERT = "INSERT INTO mandates (id, tenant_id, customer_id, vc_jwt, issuer_did, subject_did,"
            + " scope, amount_limit, currency, expires_at, status, retention_days, verification_status,"
            + " verification_reason, verified_at, version, created_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, $16, $16)";

    /** Every change of a mandate goes through this versioned UPDATE: a lost race matches no row. */
    static final String UPDATE = "UPDATE mandates SET scope = $3, amount_limit = $4, currency = $5, status = $6,"
            + " retention_days = $7, verification_status = $8, verification_reason = $9, verified_at = $10,"
            + " deleted_at = $11, status_before_delete = $12, updated_at = $13, version = version + 1"
            + " WHERE tenant_id = $1 AND id = $2 AND version = $14 RETURNING " + Mandate.COLUMNS;

    private final Db db;

    MandateRepository(Db db) {
        this.db = db;
    }

    public Uni<Mandate> insert(SqlClient client, Mandate mandate) {
        return client.preparedQuery(INSERT + " RETURNING " + Mandate.COLUMNS).execute(Tuple.from(Arrays.asList(
                mandate.id(), mandate.tenantId(), mandate.customerId(), mandate.vcJwt(), mandate.issuerDid(),
                mandate.subjectDid(), mandate.scope(),
                mandate.amountLimit() == null ? null : mandate.amountLimit().value(),
                mandate.amountLimit() == null ? null : mandate.amountLimit().currency(),
                Times.param(mandate.expiresAt()), mandate.status().value(), mandate.retentionDays(),
                mandate.verificationStatus().value(), mandate.verificationReason(),
                Times.param(mandate.verifiedAt()), Times.param(mandate.createdAt()))))
                .map(rows -> Db.first(rows, Mandate::of));
    }

    /**
     * Writes {@code changed} if the row is still at {@code changed.version()}; null when another change won (the caller
     * answers 409/412).
     */
    public Uni<Mandate> update(SqlClient client, Mandate changed) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(changed.tenantId(),
                changed.id(), changed.scope(), changed.amountLimit() == null ? null : changed.amountLimit().value(),
                changed.amountLimit() == null ? null : changed.amountLimit().currency(), changed.status().value(),
                changed.retentionDays(), changed.verificationStatus().value(), changed.verificationReason(),
                Times.param(changed.verifiedAt()), Times.param(changed.deletedAt()),
                changed.statusBeforeDelete() == null ? null : changed.statusBeforeDelete().value(),
                Times.param(changed.updatedAt()), changed.version()))).map(rows -> Db.first(rows, Mandate::of));
    }

    /** One of the tenant's mandates, in the transaction ({@code FOR UPDATE}: changes of it queue behind this one). */
    public Uni<Mandate> lock(SqlClient client, String tenantId, UUID id) {
        return client.preparedQuery("SELECT " + Mandate.COLUMNS + " FROM mandates WHERE tenant_id = $1 AND id = $2"
                + " FOR UPDATE").execute(Tuple.of(tenantId, id)).map(rows -> Db.first(rows, Mandate::of));
    }

    public Uni<Mandate> find(SqlClient client, String tenantId, UUID id) {
        return client.preparedQuery("SELECT " + Mandate.COLUMNS + " FROM mandates WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> Db.first(rows, Mandate::of));
    }

    /** Whether the tenant has this customer, not deleted. */
    public Uni<Boolean> customerExists(SqlClient client, String tenantId, long customerId) {
        return client.preparedQuery(
                "SELECT 1 FROM customers WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL")
                .execute(Tuple.of(tenantId, customerId)).map(rows -> rows.size() > 0);
    }

    /**
     * A keyset page, newest first: each filter is a bind parameter, and each is served by an index that starts with the
     * tenant and ends with the id. Fetches {@code limit + 1} rows to know whether a next page exists. Reads the replica
     * when one is configured.
     */
    public Uni<List<Mandate>> page(MandateFilter filter) {
        Where where = new Where().and("tenant_id = ?", filter.tenantId());
        if (filter.status() != null) {
            where.and("status = ?", filter.status().value());
        } else if (!filter.includeDeleted()) {
            where.andRaw("deleted_at IS NULL");
        }
        if (filter.issuerDid() != null) {
            where.and("issuer_did = ?", filter.issuerDid());
        }
        if (filter.subjectDid() != null) {
            where.and("subject_did = ?", filter.subjectDid());
        }
        if (filter.customerId() != null) {
            where.and("customer_id = ?", filter.customerId());
        }
        if (filter.expiresBefore() != null) {
            where.and("expires_at < ?", Times.param(filter.expiresBefore()));
        }
        if (filter.before() != null) {
            where.and("id < ?", filter.before());
        }
        String sql = "SELECT " + Mandate.COLUMNS + " FROM mandates" + where.sql() + " ORDER BY id DESC LIMIT "
                + where.parameter(filter.limit() + 1);
        return db.readReplica(sql, where.tuple()).map(rows -> Db.map(rows, Mandate::of));
    }
}
