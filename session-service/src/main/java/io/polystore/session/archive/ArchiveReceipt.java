package io.polystore.session.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** mandate-service's answer: {@code created}, {@code updated} or {@code unchanged} (a repeat, harmless). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArchiveReceipt(String sessionId, String outcome) {
}
