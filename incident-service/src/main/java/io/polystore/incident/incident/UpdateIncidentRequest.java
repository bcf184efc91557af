package io.polystore.incident.incident;

import jakarta.validation.constraints.AssertTrue;

public record UpdateIncidentRequest(IncidentStatus status, Severity severity) {

    @AssertTrue(message = "give at least one of status, severity")
    boolean isStatusOrSeverity() {
        return status != null || severity != null;
    }
}
