CREATE TABLE payments (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference   VARCHAR(64)    NOT NULL,
    payer_email VARCHAR(254)   NOT NULL,
    amount      DECIMAL(15, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    status      VARCHAR(16)    NOT NULL DEFAULT 'pending',
    created_at  TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_payments_reference UNIQUE (reference),
    CONSTRAINT ck_payments_amount CHECK (amount > 0),
    CONSTRAINT ck_payments_status CHECK (status IN ('pending', 'validated', 'rejected', 'completed', 'failed')),
    INDEX ix_payments_payer_email (payer_email),
    INDEX ix_payments_status_created (status, created_at),
    INDEX ix_payments_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
