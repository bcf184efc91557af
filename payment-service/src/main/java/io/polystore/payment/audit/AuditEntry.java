package io.polystore.payment.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One {@code audit_log} row as answered and exported. */
@Schema(name = "AuditEntry", requiredProperties = {"id", "paymentId", "action", "createdAt"})
public record AuditEntry(long id, @Schema(format = "uuid") String paymentId, AuditAction action,
        @Schema(nullable = true, description = "the changed fields before the change; null for CREATE") JsonNode oldValue,
        @Schema(nullable = true, description = "the changed fields after the change (all of them for CREATE)") JsonNode newValue,
        @Schema(nullable = true, description = "the API key that acted; null for the ops command line") Long keyId,
        @Schema(nullable = true) Long userId, @Schema(nullable = true) String userAgent,
        @Schema(nullable = true, description = "the client address as the gateway saw it") String ipAddress,
        Instant createdAt) {
}
