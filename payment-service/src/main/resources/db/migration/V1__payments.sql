-- payment-service schema (MariaDB / MySQL 8, InnoDB, utf8mb4). No data existed before this version, so V1 was
-- rewritten for the payments API (issue 10). Times are UTC, written by the service from its clock (DATETIME(6)).

-- The reference counter: one row, incremented under its row lock inside the create transaction, so two concurrent
-- creates never get the same number and a rolled-back create gives its number back (no COUNT(*)+1).
CREATE TABLE reference_sequence (
    name       VARCHAR(32) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL
) ENGINE = InnoDB;
INSERT INTO reference_sequence (name, last_value) VALUES ('payments', 0);

CREATE TABLE payments (
    -- time-ordered UUID (version 7), 16 bytes: new rows land at the end of the primary key
    id                BINARY(16)     NOT NULL PRIMARY KEY,
    -- the reference number (REF001 is 1): the keyset order of every list, newest first
    seq               BIGINT         NOT NULL,
    reference         VARCHAR(24)    NOT NULL,
    owner_user_id     BIGINT         NOT NULL,
    payer_name        VARCHAR(200)   NOT NULL,
    -- compared case-insensitively (the column's collation), as the duplicate check needs
    email             VARCHAR(254)   NOT NULL,
    amount            DECIMAL(18, 3) NOT NULL,
    amount_received   DECIMAL(18, 3) NOT NULL,
    currency          CHAR(3)        CHARACTER SET ascii NOT NULL,
    fee_percentage    DECIMAL(5, 2)  NOT NULL,
    fee_amount        DECIMAL(18, 3) NOT NULL,
    final_amount      DECIMAL(19, 3) NOT NULL,
    description       VARCHAR(1000)  NULL,
    school            VARCHAR(255)   NULL,
    student_id        VARCHAR(100)   NULL,
    sender_full_name  VARCHAR(255)   NULL,
    country_from      VARCHAR(100)   NULL,
    sender_address    VARCHAR(1000)  NULL,
    status            VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    validation_status VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0,
    created_at        DATETIME(6)    NOT NULL,
    updated_at        DATETIME(6)    NOT NULL,
    CONSTRAINT uk_payments_reference UNIQUE (reference),
    CONSTRAINT uk_payments_seq UNIQUE (seq),
    CONSTRAINT ck_payments_amount CHECK (amount > 0),
    CONSTRAINT ck_payments_amount_received CHECK (amount_received >= 0),
    CONSTRAINT ck_payments_currency CHECK (currency REGEXP '^[A-Z]{3}$'),
    CONSTRAINT ck_payments_status CHECK (status IN ('EXACT', 'UNDERPAYMENT', 'OVERPAYMENT', 'COMPLETED', 'FAILED',
                                                    'REFUNDED')),
    CONSTRAINT ck_payments_validation_status CHECK (validation_status IN ('PASSED', 'FAILED')),
    -- every list query starts with the owner and ends with seq (keyset, newest first)
    INDEX ix_payments_owner_seq (owner_user_id, seq),
    INDEX ix_payments_owner_status (owner_user_id, status, seq),
    INDEX ix_payments_owner_validation (owner_user_id, validation_status, seq),
    INDEX ix_payments_owner_email (owner_user_id, email, seq),
    INDEX ix_payments_owner_created (owner_user_id, created_at),
    -- the ops command line's stats and the last-24-hours counts
    INDEX ix_payments_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE validation_results (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id    BINARY(16)   NOT NULL,
    check_type    VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    check_result  VARCHAR(8)   CHARACTER SET ascii NOT NULL,
    check_message VARCHAR(500) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_validation_results_payment FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE,
    CONSTRAINT ck_validation_results_result CHECK (check_result IN ('PASS', 'WARN', 'FAIL')),
    INDEX ix_validation_results_payment (payment_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the service only inserts. No foreign key: a payment's trail outlives the payment.
CREATE TABLE audit_log (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id    BINARY(16)   NOT NULL,
    owner_user_id BIGINT       NOT NULL,
    action        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    old_value     JSON         NULL,
    new_value     JSON         NULL,
    -- the API key and user that acted; null when the ops command line acted
    key_id        BIGINT       NULL,
    user_id       BIGINT       NULL,
    user_agent    VARCHAR(512) NULL,
    -- the client address as the gateway saw it (IPv6 fits in 45)
    ip_address    VARCHAR(45)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT ck_audit_log_action CHECK (action IN ('CREATE', 'UPDATE', 'STATUS_CHANGE')),
    INDEX ix_audit_log_owner_payment (owner_user_id, payment_id, id),
    INDEX ix_audit_log_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency-Key: written in the create's transaction, so a key makes at most one payment; the primary key makes a
-- concurrent second create with the same key wait for the first and then see its row.
CREATE TABLE idempotency_keys (
    owner_user_id   BIGINT       NOT NULL,
    idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash    CHAR(64)     CHARACTER SET ascii NOT NULL,
    payment_id      BINARY(16)   NOT NULL,
    response        MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (owner_user_id, idempotency_key),
    INDEX ix_idempotency_keys_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
