package io.polystore.mandate.mandate;

import java.time.Instant;
import java.util.UUID;

/** What a mandate list asks for; null fields do not filter. */
public record MandateFilter(String tenantId, MandateStatus status, String issuerDid, String subjectDid, Long customerId,
        Instant expiresBefore, boolean includeDeleted, UUID before, int limit) {
}
