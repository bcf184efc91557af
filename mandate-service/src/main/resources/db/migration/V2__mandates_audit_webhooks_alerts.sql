-- The mandate vault: mandates (signed credentials), the public keys a tenant registered for issuers, the append-only
-- audit log, webhooks with their outbox of deliveries, and alerts. Every row carries tenant_id (the calling platform
-- user) and every query is scoped to it. Times are written by the service from its clock, never by now(), so tests
-- move time instead of sleeping. Ids are time-ordered UUIDs (version 7) made by the service: lists page on the id.

-- Lets a mandate reference a customer of its own tenant only (composite foreign key below).
ALTER TABLE customers ADD CONSTRAINT uk_customers_id_tenant UNIQUE (id, tenant_id);

-- Public keys (JWK) a tenant registered for issuer DIDs that are not did:key (whose key is in the DID itself).
CREATE TABLE issuer_keys (
    id          UUID PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL CHECK (tenant_id <> ''),
    issuer_did  VARCHAR(512) NOT NULL CHECK (issuer_did <> ''),
    -- RFC 7638 thumbprint: one registration per key and issuer
    thumbprint  VARCHAR(64)  NOT NULL,
    jwk         TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX uk_issuer_keys_tenant_issuer_key ON issuer_keys (tenant_id, issuer_did, thumbprint);
CREATE INDEX idx_issuer_keys_tenant_id ON issuer_keys (tenant_id, id);

CREATE TABLE mandates (
    id                  UUID PRIMARY KEY,
    tenant_id           VARCHAR(64)   NOT NULL CHECK (tenant_id <> ''),
    customer_id         BIGINT,
    vc_jwt              TEXT          NOT NULL,
    issuer_did          VARCHAR(512)  NOT NULL,
    subject_did         VARCHAR(512),
    scope               VARCHAR(200),
    amount_limit        NUMERIC(19, 4),
    currency            CHAR(3),
    expires_at          TIMESTAMPTZ,
    status              VARCHAR(16)   NOT NULL
        CHECK (status IN ('active', 'suspended', 'revoked', 'expired', 'deleted')),
    retention_days      INT           NOT NULL DEFAULT 90 CHECK (retention_days BETWEEN 0 AND 365),
    verification_status VARCHAR(16)   NOT NULL CHECK (verification_status IN ('VALID', 'INVALID', 'UNVERIFIED')),
    verification_reason VARCHAR(500),
    verified_at         TIMESTAMPTZ,
    version             BIGINT        NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    -- soft delete: status 'deleted' and deleted_at go together; the retention job purges after retention_days
    deleted_at          TIMESTAMPTZ,
    -- what restore returns the mandate to
    status_before_delete VARCHAR(16)
        CHECK (status_before_delete IN ('active', 'suspended', 'revoked', 'expired')),
    CONSTRAINT ck_mandates_deleted CHECK ((status = 'deleted') = (deleted_at IS NOT NULL)),
    CONSTRAINT ck_mandates_amount CHECK ((amount_limit IS NULL) = (currency IS NULL)),
    CONSTRAINT fk_mandates_customer FOREIGN KEY (customer_id, tenant_id) REFERENCES customers (id, tenant_id)
);
-- The seed's index, with the id last so that a list filtered by status pages on it.
CREATE INDEX idx_mandates_tenant_status ON mandates (tenant_id, status, id);
-- Each list filter has an index starting with the tenant and ending with the id (keyset pages, newest first).
CREATE INDEX idx_mandates_tenant_id ON mandates (tenant_id, id);
CREATE INDEX idx_mandates_tenant_issuer ON mandates (tenant_id, issuer_did, id);
CREATE INDEX idx_mandates_tenant_subject ON mandates (tenant_id, subject_did, id);
CREATE INDEX idx_mandates_tenant_customer ON mandates (tenant_id, customer_id, id);
-- The hourly expiry job: live mandates by expiry.
CREATE INDEX idx_mandates_expiring ON mandates (expires_at) WHERE status IN ('active', 'suspended');
-- The daily retention job: soft-deleted mandates by deletion time.
CREATE INDEX idx_mandates_deleted_at ON mandates (deleted_at) WHERE deleted_at IS NOT NULL;

-- Append-only (the trigger below refuses UPDATE); rows leave only by the retention job (by "timestamp", as the seed).
-- mandate_id has no foreign key: the trail of a purged mandate stays until its own retention.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   VARCHAR(64) NOT NULL CHECK (tenant_id <> ''),
    mandate_id  UUID,
    event_type  VARCHAR(16) NOT NULL
        CHECK (event_type IN ('CREATE', 'READ', 'UPDATE', 'DELETE', 'SOFT_DELETE', 'RESTORE', 'VERIFY')),
    "timestamp" TIMESTAMPTZ NOT NULL,
    details     JSONB       NOT NULL
);
CREATE INDEX idx_audit_log_tenant_id ON audit_log (tenant_id, id);
CREATE INDEX idx_audit_log_tenant_mandate ON audit_log (tenant_id, mandate_id, id);
CREATE INDEX idx_audit_log_timestamp ON audit_log ("timestamp");

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE webhooks (
    id                  UUID PRIMARY KEY,
    tenant_id           VARCHAR(64)  NOT NULL CHECK (tenant_id <> ''),
    name                VARCHAR(200) NOT NULL CHECK (name <> ''),
    url                 VARCHAR(500) NOT NULL,
    events              TEXT[]       NOT NULL CHECK (cardinality(events) > 0),
    -- AES-256-GCM of the signing secret under a key derived from SECRET_KEY; never returned after creation
    secret_encrypted    BYTEA        NOT NULL,
    is_active           BOOLEAN      NOT NULL DEFAULT TRUE,
    max_retries         INT          NOT NULL DEFAULT 3 CHECK (max_retries BETWEEN 1 AND 10),
    retry_delay_seconds INT          NOT NULL DEFAULT 60 CHECK (retry_delay_seconds BETWEEN 10 AND 3600),
    timeout_seconds     INT          NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 5 AND 300),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idx_webhooks_tenant_id ON webhooks (tenant_id, id);
CREATE INDEX idx_webhooks_tenant_active ON webhooks (tenant_id) WHERE is_active;

-- The outbox: one row per event and webhook, written in the transaction of the change that raised the event.
CREATE TABLE webhook_deliveries (
    id            UUID PRIMARY KEY,
    tenant_id     VARCHAR(64)   NOT NULL,
    webhook_id    UUID          NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    mandate_id    UUID,
    event_type    VARCHAR(40)   NOT NULL,
    -- the exact bytes sent (UTF-8 JSON), so the signature covers what the receiver gets
    payload       TEXT          NOT NULL,
    status_code   INT,
    response_body VARCHAR(1000),
    last_error    VARCHAR(500),
    attempts      INT           NOT NULL DEFAULT 0,
    delivered_at  TIMESTAMPTZ,
    failed_at     TIMESTAMPTZ,
    -- when the worker may (re)try; also the lease of a claimed attempt; NULL once delivered or failed
    next_retry_at TIMESTAMPTZ,
    is_delivered  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (next_retry_at) WHERE next_retry_at IS NOT NULL;
CREATE INDEX idx_webhook_deliveries_tenant_webhook ON webhook_deliveries (tenant_id, webhook_id, id);
CREATE INDEX idx_webhook_deliveries_failed ON webhook_deliveries (tenant_id, id) WHERE failed_at IS NOT NULL;

CREATE TABLE alerts (
    id          UUID PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL CHECK (tenant_id <> ''),
    mandate_id  UUID,
    webhook_id  UUID,
    alert_type  VARCHAR(40)  NOT NULL CHECK (alert_type IN
        ('MANDATE_EXPIRING', 'MANDATE_VERIFICATION_FAILED', 'WEBHOOK_DELIVERY_FAILED', 'SYSTEM_ERROR')),
    title       VARCHAR(200) NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    severity    VARCHAR(16)  NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    is_read     BOOLEAN      NOT NULL DEFAULT FALSE,
    is_resolved BOOLEAN      NOT NULL DEFAULT FALSE,
    resolved_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ck_alerts_resolved CHECK (is_resolved = (resolved_at IS NOT NULL))
);
CREATE INDEX idx_alerts_tenant_id ON alerts (tenant_id, id);
-- At most one unresolved expiry alert per mandate: the hourly job can run again (or twice) without duplicates.
CREATE UNIQUE INDEX uk_alerts_open_expiring ON alerts (mandate_id)
    WHERE alert_type = 'MANDATE_EXPIRING' AND NOT is_resolved;
-- The retention job: resolved alerts by resolution time.
CREATE INDEX idx_alerts_resolved_at ON alerts (resolved_at) WHERE is_resolved;
