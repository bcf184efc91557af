package io.polystore.incident.incident;

/**
 * One page of a user's incidents, newest first. A null owner lists every user's incidents (ops command line only).
 *
 * @param beforeId
 *            keyset position: only incidents with a smaller id (null for the first page)
 */
public record IncidentFilter(Long ownerUserId, IncidentStatus status, Severity severity, Long beforeId, int limit) {
}
