package io.polystore.incident.incident;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A merge-patch of an incident: the fields given change, the others stay. At least one must be given
 * ({@link IncidentService#requireChange}).
 */
@Schema(name = "IncidentChange", minProperties = 1, description = "The fields to change; at least one.")
public record UpdateIncidentRequest(IncidentStatus status, Severity severity) {
}
