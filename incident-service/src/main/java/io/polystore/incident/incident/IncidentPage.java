package io.polystore.incident.incident;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param nextCursor
 *            pass as {@code cursor} to get the next page; null on the last page
 */
@Schema(name = "IncidentPage")
public record IncidentPage(@Schema(required = true) List<IncidentView> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
