package io.polystore.mandate.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** V50 builds the seed's schema: columns, types, defaults, index names, the duration trigger, both views' columns. */
@QuarkusTest
class ArchiveSchemaTest {

    @Inject
    Pool pool;

    @Test
    void theTableHasTheSeedsColumnsTypesAndDefaults() throws Throwable {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Row row : query("SELECT column_name, data_type, character_maximum_length, column_default, is_nullable"
                + " FROM information_schema.columns WHERE table_name = 'archived_sessions' ORDER BY ordinal_position")) {
            columns.put(row.getString("column_name"), row.getString("data_type") + "|"
                    + row.getValue("character_maximum_length") + "|" + row.getString("column_default") + "|"
                    + row.getString("is_nullable"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "integer|null|nextval('archived_sessions_id_seq'::regclass)|NO");
        expected.put("session_id", "character varying|255|null|NO");
        expected.put("user_id", "character varying|255|null|NO");
        expected.put("created_at", "timestamp with time zone|null|CURRENT_TIMESTAMP|NO");
        expected.put("archived_at", "timestamp with time zone|null|CURRENT_TIMESTAMP|NO");
        expected.put("last_activity_at", "timestamp with time zone|null|null|YES");
        expected.put("current_state", "character varying|100|null|YES");
        expected.put("language", "character varying|10|'en'::character varying|YES");
        expected.put("status", "character varying|50|'completed'::character varying|YES");
        expected.put("conversation_history", "jsonb|null|null|YES");
        expected.put("master_parameters", "jsonb|null|null|YES");
        expected.put("response_json", "jsonb|null|null|YES");
        expected.put("agent_logs", "jsonb|null|null|YES");
        expected.put("finalized", "boolean|null|false|YES");
        expected.put("message_count", "integer|null|0|YES");
        expected.put("product_selections_count", "integer|null|0|YES");
        expected.put("session_duration_seconds", "integer|null|null|YES");
        assertEquals(expected, columns);
    }

    @Test
    void theSeedsIndexesExistWithGinOnTheThreeJsonColumns() throws Throwable {
        Map<String, String> indexes = new LinkedHashMap<>();
        for (Row row : query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'archived_sessions'")) {
            indexes.put(row.getString("indexname"), row.getString("indexdef"));
        }
        for (String name : List.of("archived_sessions_pkey", "archived_sessions_session_id_key",
                "idx_archived_sessions_user_id", "idx_archived_sessions_session_id",
                "idx_archived_sessions_archived_at", "idx_archived_sessions_status")) {
            assertTrue(indexes.containsKey(name), name + " in " + indexes.keySet());
        }
        for (String column : List.of("conversation_history", "master_parameters", "response_json")) {
            String definition = indexes.get("idx_archived_sessions_" + column);
            assertTrue(definition != null && definition.contains("USING gin (" + column + ")"),
                    column + ": " + definition);
        }
        assertEquals(9, indexes.size(), indexes.keySet().toString());
    }

    @Test
    void theTriggerRunsTheDurationFunctionBeforeInsertAndUpdate() throws Throwable {
        List<String> events = new ArrayList<>();
        for (Row row : query("SELECT event_manipulation, action_timing, action_statement"
                + " FROM information_schema.triggers WHERE trigger_name = 'trigger_calculate_session_duration'"
                + " ORDER BY event_manipulation")) {
            events.add(row.getString("event_manipulation") + " " + row.getString("action_timing") + " "
                    + row.getString("action_statement"));
        }
        assertEquals(List.of("INSERT BEFORE EXECUTE FUNCTION calculate_session_duration()",
                "UPDATE BEFORE EXECUTE FUNCTION calculate_session_duration()"), events);
    }

    @Test
    void theViewsHaveTheSeedsColumns() throws Throwable {
        assertEquals(List.of("total_sessions", "unique_users", "avg_messages_per_session", "avg_session_duration_sec",
                "finalized_sessions", "completed_sessions", "abandoned_sessions"),
                viewColumns("session_summary_stats"));
        assertEquals(List.of("user_id", "total_sessions", "avg_messages", "avg_duration_sec", "last_session_date",
                "finalized_count"), viewColumns("user_session_history"));
    }

    private List<String> viewColumns(String view) throws Throwable {
        List<String> names = new ArrayList<>();
        for (Row row : query("SELECT column_name FROM information_schema.columns WHERE table_name = $1"
                + " ORDER BY ordinal_position", view)) {
            names.add(row.getString("column_name"));
        }
        return names;
    }

    private List<Row> query(String sql, Object... values) throws Throwable {
        List<Row> rows = new ArrayList<>();
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(Tuple.from(List.of(values))))
                .forEach(rows::add);
        return rows;
    }
}
