package io.polystore.incident.incident;

import java.util.List;

/**
 * @param nextCursor
 *            pass as {@code cursor} to get the next page; null on the last page
 */
public record IncidentPage(List<IncidentView> items, String nextCursor) {
}
