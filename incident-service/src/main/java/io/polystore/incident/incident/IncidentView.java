package io.polystore.incident.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.polystore.rest.concurrency.IfMatch;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An incident as answered. {@code version} is not part of the body: it travels as the {@code ETag} header (see
 * {@link IfMatch}).
 */
@Schema(name = "Incident", requiredProperties = {"id", "title", "description", "status", "severity",
        "reporterKeyId", "ownerUserId", "createdAt", "updatedAt"})
public record IncidentView(long id, String title, String description, IncidentStatus status, Severity severity,
        @Schema(nullable = true, description = "the API key that reported it; null when filed from the ops command line") Long reporterKeyId,
        long ownerUserId, Instant createdAt, Instant updatedAt,
        @JsonIgnore @Schema(hidden = true) long version) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id, incident.title, incident.description, incident.status,
                incident.severity, incident.reporterKeyId, incident.ownerUserId, incident.createdAt,
                incident.updatedAt, incident.version);
    }

    /** The strong {@code ETag} of this version of the incident. */
    public String etag() {
        return IfMatch.etag(version);
    }
}
