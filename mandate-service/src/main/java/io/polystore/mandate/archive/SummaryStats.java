package io.polystore.mandate.archive;

/** The view {@code session_summary_stats}: every user's sessions together, for operators only (never through /api). */
public record SummaryStats(long totalSessions, long uniqueUsers, Double avgMessagesPerSession,
        Double avgSessionDurationSec, long finalizedSessions, long completedSessions, long abandonedSessions) {
}
