package io.polystore.mandate.mandate;

import io.polystore.mandate.store.Times;
import io.polystore.mandate.verification.Money;
import io.polystore.mandate.verification.Verification;
import io.polystore.mandate.verification.VerificationStatus;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code mandates}. */
public record Mandate(UUID id, String tenantId, Long customerId, String vcJwt, String issuerDid, String subjectDid,
        String scope, Money amountLimit, Instant expiresAt, MandateStatus status, int retentionDays,
        VerificationStatus verificationStatus, String verificationReason, Instant verifiedAt, long version,
        Instant createdAt, Instant updatedAt, Instant deletedAt, MandateStatus statusBeforeDelete) {

    public static final String COLUMNS = "id, tenant_id, customer_id, vc_jwt, issuer_did, subject_did, scope,"
            + " amount_limit, currency, expires_at, status, retention_days, verification_status, verification_reason,"
            + " verified_at, version, created_at, updated_at, deleted_at, status_before_delete";

    public static Mandate of(Row row) {
        String before = row.getString("status_before_delete");
        return new Mandate(row.getUUID("id"), row.getString("tenant_id"), row.getLong("customer_id"),
                row.getString("vc_jwt"), row.getString("issuer_did"), row.getString("subject_did"),
                row.getString("scope"), Money.stored(row.getBigDecimal("amount_limit"), row.getString("currency")),
                Times.instant(row.getOffsetDateTime("expires_at")), MandateStatus.of(row.getString("status")),
                row.getInteger("retention_days"), VerificationStatus.valueOf(row.getString("verification_status")),
                row.getString("verification_reason"), Times.instant(row.getOffsetDateTime("verified_at")),
                row.getLong("version"), Times.instant(row.getOffsetDateTime("created_at")),
                Times.instant(row.getOffsetDateTime("updated_at")), Times.instant(row.getOffsetDateTime("deleted_at")),
                before == null ? null : MandateStatus.of(before));
    }

    /** This mandate with another lifecycle and terms, as of {@code now}. */
    public Mandate changed(MandateStatus newStatus, String newScope, Money newLimit, int newRetentionDays,
            Instant newDeletedAt, MandateStatus newStatusBeforeDelete, Instant now) {
        return new Mandate(id, tenantId, customerId, vcJwt, issuerDid, subjectDid, newScope, newLimit, expiresAt,
                newStatus, newRetentionDays, verificationStatus, verificationReason, verifiedAt, version, createdAt,
                now,
                newDeletedAt, newStatusBeforeDelete);
    }

    public Mandate withStatus(MandateStatus newStatus, Instant now) {
        return changed(newStatus, scope, amountLimit, retentionDays, deletedAt, statusBeforeDelete, now);
    }

    public Mandate verified(Verification verification) {
        return new Mandate(id, tenantId, customerId, vcJwt, issuerDid, subjectDid, scope, amountLimit, expiresAt,
                status, retentionDays, verification.status(), verification.reason(), verification.verifiedAt(), version,
                createdAt, verification.verifiedAt(), deletedAt, statusBeforeDelete);
    }

    public String describe() {
        return "mandate " + id;
    }
}
