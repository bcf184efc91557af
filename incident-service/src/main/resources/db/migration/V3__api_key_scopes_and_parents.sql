-- Scoped API keys. scopes: space-separated, in the form io.polystore.rest.identity.Scopes.format writes.
-- Keys that exist when this runs could do everything before, so they keep that: every data scope plus keys:manage.
-- The default serves only those rows; the next statement drops it, so every new key must name its scopes.
ALTER TABLE api_keys
    ADD COLUMN scopes VARCHAR(255) NOT NULL DEFAULT 'incidents mandates sessions catalog payments keys:manage',
    ADD COLUMN parent_key_id BIGINT NULL;

ALTER TABLE api_keys
    ALTER COLUMN scopes DROP DEFAULT;

-- The key that created this one through REST (NULL for keys made with the ops command line and for older keys).
-- Revoking a key revokes its descendants, found through this index.
ALTER TABLE api_keys
    ADD CONSTRAINT fk_api_keys_parent FOREIGN KEY (parent_key_id) REFERENCES api_keys (id),
    ADD INDEX ix_api_keys_parent (parent_key_id);
