package io.polystore.mandate.archive;

import java.time.OffsetDateTime;

/**
 * One page of a user's archive: optional status, an archived-at window {@code [from, to)}, a JSON document the session
 * must contain, the row id to continue below (keyset), and the page size.
 */
record ArchiveQuery(String userId, ArchiveStatus status, OffsetDateTime from, OffsetDateTime to, String contains,
        Long afterRowId, int limit) {
}
