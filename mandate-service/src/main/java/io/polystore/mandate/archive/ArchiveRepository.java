package io.polystore.mandate.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.health.PostgresReadinessCheck;
import io.polystore.rest.store.StoreCalls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code archived_sessions} through the reactive PostgreSQL pool, in plain parameterised SQL: the upsert, the JSONB
 * containment search and the seed's views are SQL features an entity mapping would only hide. Reads run under the
 * chassis' store deadline; the upsert is left to the pool and the database (a write cut off while it commits would
 * invite a duplicate retry, which the upsert absorbs anyway).
 */
@ApplicationScoped
public class ArchiveRepository {

    private static final String COLUMNS = "id, session_id, user_id, created_at, archived_at, last_activity_at,"
            + " current_state, language, status, conversation_history::text, master_parameters::text,"
            + " response_json::text, agent_logs::text, finalized, message_count, product_selections_count,"
            + " session_duration_seconds";

    /**
     * A newer archive of a session replaces an older one; a repeated or late one (same or earlier
     * {@code last_activity_at}) changes nothing. {@code xmax = 0} tells a fresh insert from an update.
     */
    private static final String UPSERT = "INSERT INTO archived_sessions (session_id, user_id, created_at,"
            + " last_activity_at, current_state, language, status, conversation_history, master_parameters,"
            + " response_json, agent_logs, finalized, message_count, product_selections_count)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10::text::jsonb, $11::text::jsonb, $12, $13, $14)"
            + " ON CONFLICT (session_id) DO UPDATE SET created_at = EXCLUDED.created_at,"
            + " archived_at = CURRENT_TIMESTAMP, last_activity_at = EXCLUDED.last_activity_at,"
            + " current_state = EXCLUDED.current_state, language = EXCLUDED.language, status = EXCLUDED.status,"
            + " conversation_history = EXCLUDED.conversation_history,"
            + " master_parameters = EXCLUDED.master_parameters, response_json = EXCLUDED.response_json,"
            + " agent_logs = EXCLUDED.agent_logs, finalized = EXCLUDED.finalized,"
            + " message_count = EXCLUDED.message_count,"
            + " product_selections_count = EXCLUDED.product_selections_count"
            + " WHERE archived_sessions.user_id = EXCLUDED.user_id"
            + " AND (archived_sessions.last_activity_at IS NULL"
            + " OR archived_sessions.last_activity_at < EXCLUDED.last_activity_at)"
            + " RETURNING (xmax = 0) AS inserted";

    // JSON goes in as text cast to jsonb: a String bound straight to a jsonb parameter is stored as a JSON string.
    private final Pool pool;
    private final StoreCalls calls;
    private final ObjectMapper mapper;

    ArchiveRepository(Pool pool, StoreCalls calls, ObjectMapper mapper) {
        this.pool = pool;
        this.calls = calls;
        this.mapper = mapper;
    }

    public Uni<ArchiveOutcome> upsert(ArchiveRequest archive) {
        Tuple values = Tuple.of(archive.sessionId(), archive.userId(), utc(archive.createdAt()),
                utc(archive.lastActivityAt()))
                .addString(archive.currentState())
                .addString(archive.language() == null ? "en" : archive.language())
                .addString(archive.status().value())
                .addString(json(archive.conversationHistory()))
                .addString(json(archive.masterParameters()))
                .addString(json(archive.responseJson()))
                .addString(json(archive.agentLogs()))
                .addBoolean(archive.finalized())
                .addInteger(archive.messageCount())
                .addInteger(archive.productSelectionsCount());
        return pool.preparedQuery(UPSERT).execute(values).map(rows -> {
            if (rows.rowCount() == 0) {
                return ArchiveOutcome.UNCHANGED;
            }
            return rows.iterator().next().getBoolean("inserted") ? ArchiveOutcome.CREATED : ArchiveOutcome.UPDATED;
        });
    }

    /** The user's archived session; empty when there is none, or it is someone else's. */
    public Uni<Optional<ArchiveView>> find(String userId, String sessionId) {
        return calls.bounded(PostgresReadinessCheck.NAME, () -> pool
                .preparedQuery("SELECT " + COLUMNS + " FROM archived_sessions WHERE session_id = $1 AND user_id = $2")
                .execute(Tuple.of(sessionId, userId)))
                .map(rows -> first(rows).map(this::view));
    }

    /** Any user's archived session, for operators (the ops CLI). */
    public Uni<Optional<ArchiveView>> findAnyUser(String sessionId) {
        return calls.bounded(PostgresReadinessCheck.NAME, () -> pool
                .preparedQuery("SELECT " + COLUMNS + " FROM archived_sessions WHERE session_id = $1")
                .execute(Tuple.of(sessionId)))
                .map(rows -> first(rows).map(this::view));
    }

    /** One page, newest row first; the SQL names only the filters given, so the planner sees each as it is. */
    public Uni<ArchivePage> page(ArchiveQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM archived_sessions WHERE user_id = $1");
        Tuple values = Tuple.of(query.userId());
        if (query.status() != null) {
            values.addString(query.status().value());
            sql.append(" AND status = $").append(values.size());
        }
        if (query.from() != null) {
            values.addOffsetDateTime(query.from());
            sql.append(" AND archived_at >= $").append(values.size());
        }
        if (query.to() != null) {
            values.addOffsetDateTime(query.to());
            sql.append(" AND archived_at < $").append(values.size());
        }
        if (query.contains() != null) {
            values.addString(query.contains());
            int n = values.size();
            sql.append(" AND (conversation_history @> $").append(n).append("::text::jsonb OR master_parameters @> $")
                    .append(n).append("::text::jsonb OR response_json @> $").append(n).append("::text::jsonb)");
        }
        if (query.afterRowId() != null) {
            values.addLong(query.afterRowId());
            sql.append(" AND id < $").append(values.size());
        }
        // one more than asked: tells whether another page follows
        values.addInteger(query.limit() + 1);
        sql.append(" ORDER BY id DESC LIMIT $").append(values.size());
        return calls.bounded(PostgresReadinessCheck.NAME, () -> pool.preparedQuery(sql.toString()).execute(values))
                .map(rows -> {
                    List<ArchiveView> items = new ArrayList<>();
                    long lastId = 0;
                    boolean more = false;
                    for (Row row : rows) {
                        if (items.size() == query.limit()) {
                            more = true;
                            break;
                        }
                        items.add(view(row));
                        lastId = row.getInteger("id");
                    }
                    return new ArchivePage(items, more ? ArchiveCursor.after(lastId) : null);
                });
    }

    /** The user's row of {@code user_session_history}. */
    public Uni<UserArchiveStats> userStats(String userId) {
        return calls.bounded(PostgresReadinessCheck.NAME, () -> pool.preparedQuery(
                "SELECT total_sessions, avg_messages::float8, avg_duration_sec::float8, last_session_date,"
                        + " finalized_count FROM user_session_history WHERE user_id = $1")
                .execute(Tuple.of(userId)))
                .map(rows -> first(rows)
                        .map(row -> new UserArchiveStats(userId, row.getLong("total_sessions"),
                                row.getDouble("avg_messages"), row.getDouble("avg_duration_sec"),
                                instant(row.getOffsetDateTime("last_session_date")),
                                row.getLong("finalized_count")))
                        .orElse(new UserArchiveStats(userId, 0, null, null, null, 0)));
    }

    /** The view {@code session_summary_stats}: every user's sessions, operators only. */
    public Uni<SummaryStats> summary() {
        return calls.bounded(PostgresReadinessCheck.NAME, () -> pool.query(
                "SELECT total_sessions, unique_users, avg_messages_per_session::float8,"
                        + " avg_session_duration_sec::float8, finalized_sessions, completed_sessions,"
                        + " abandoned_sessions FROM session_summary_stats")
                .execute())
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new SummaryStats(row.getLong("total_sessions"), row.getLong("unique_users"),
                            row.getDouble("avg_messages_per_session"), row.getDouble("avg_session_duration_sec"),
                            row.getLong("finalized_sessions"), row.getLong("completed_sessions"),
                            row.getLong("abandoned_sessions"));
                });
    }

    private ArchiveView view(Row row) {
        String status = row.getString("status");
        return new ArchiveView(row.getString("session_id"), row.getString("user_id"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("archived_at")),
                instant(row.getOffsetDateTime("last_activity_at")), row.getString("current_state"),
                row.getString("language"), status == null ? null : ArchiveStatus.of(status),
                tree(row.getString("conversation_history")), tree(row.getString("master_parameters")),
                tree(row.getString("response_json")), tree(row.getString("agent_logs")),
                row.getBoolean("finalized"), row.getInteger("message_count"),
                row.getInteger("product_selections_count"), row.getInteger("session_duration_seconds"));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private String json(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "archived_sessions holds JSON PostgreSQL itself wrote, yet it is unreadable",
                    e);
        }
    }
}
