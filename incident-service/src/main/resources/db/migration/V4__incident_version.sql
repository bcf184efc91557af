-- Optimistic concurrency for incidents: every change increments version (Hibernate's @Version), and a change is
-- written only as UPDATE ... WHERE id = ? AND version = <the version it read>. The ETag of an incident is its version.
-- Rows that exist when this runs start at 0, as new rows do.
ALTER TABLE incidents
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
