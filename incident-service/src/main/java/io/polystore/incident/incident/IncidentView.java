package io.polystore.incident.incident;

import java.time.Instant;

public record IncidentView(long id, String title, String description, IncidentStatus status, Severity severity,
        Long reporterKeyId, long ownerUserId, Instant createdAt, Instant updatedAt) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id, incident.title, incident.description, incident.status,
                incident.severity, incident.reporterKeyId, incident.ownerUserId, incident.createdAt,
                incident.updatedAt);
    }
}
