package io.polystore.mandate.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage")
public record AuditPage(@Schema(required = true) List<AuditEntry> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
