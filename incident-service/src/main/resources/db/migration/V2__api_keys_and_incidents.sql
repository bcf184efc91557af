-- API keys: only a SHA-256 hash of the secret is stored; the prefix is public (shown in lists, used for lookup).
CREATE TABLE api_keys (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    prefix       CHAR(12)     NOT NULL,
    secret_hash  BINARY(32)   NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_used_at TIMESTAMP(6) NULL,
    revoked_at   TIMESTAMP(6) NULL,
    CONSTRAINT uk_api_keys_prefix UNIQUE (prefix),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX ix_api_keys_user (user_id, revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Incidents belong to the user whose key reported them (owner_user_id, copied from the key at report time).
-- The list query is keyset-paginated newest first on id: each index starts with the owner and ends with id.
CREATE TABLE incidents (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    description     TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    reporter_key_id BIGINT       NULL,
    owner_user_id   BIGINT       NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT ck_incidents_status CHECK (status IN ('open', 'investigating', 'resolved', 'closed')),
    CONSTRAINT ck_incidents_severity CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT ck_incidents_description CHECK (CHAR_LENGTH(description) <= 10000),
    CONSTRAINT fk_incidents_reporter_key FOREIGN KEY (reporter_key_id) REFERENCES api_keys (id),
    CONSTRAINT fk_incidents_owner FOREIGN KEY (owner_user_id) REFERENCES users (id),
    INDEX ix_incidents_owner (owner_user_id, id),
    INDEX ix_incidents_owner_status (owner_user_id, status, id),
    INDEX ix_incidents_owner_severity (owner_user_id, severity, id),
    INDEX ix_incidents_owner_status_severity (owner_user_id, status, severity, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
