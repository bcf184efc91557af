package io.polystore.payment.audit;

/** What an {@code audit_log} row records: a payment created, its details changed, its status changed. */
public enum AuditAction {
    CREATE, UPDATE, STATUS_CHANGE
}
