package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.store.Db;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** The seed's monitoring SQL, in one report (read from the replica when {@code READ_DB_URL} is set). */
@Command(name = "stats", description = {"Connections, active and slow (> 5 s) queries, database and table sizes, "
        + "index usage and the cache hit ratio (should be above 99 %)."})
class DbStatsCommand extends OpsCommand {

    public record SlowQuery(int pid, double seconds, String query) {
    }

    public record TableSize(String table, long bytes) {
    }

    public record IndexUsage(String table, String index, long scans) {
    }

    public record Stats(long connections, long activeQueries, List<SlowQuery> slowQueries, long databaseBytes,
            List<TableSize> tables, List<IndexUsage> indexes, Double cacheHitRatio) {
    }

    private final Db db;

    DbStatsCommand(Db db, ObjectMapper mapper) {
        super(mapper);
        this.db = db;
    }

    @Override
    protected void execute() {
        Tuple none = Tuple.tuple();
        var activity = await(() -> db.readReplica("SELECT count(*) AS connections,"
                + " count(*) FILTER (WHERE state = 'active') AS active, pg_database_size(current_database()) AS size"
                + " FROM pg_stat_activity WHERE datname = current_database()", none)).iterator().next();
        List<SlowQuery> slow = Db.map(await(() -> db.readReplica("SELECT pid,"
                + " EXTRACT(EPOCH FROM now() - query_start)::float8 AS seconds, left(query, 200) AS query"
                + " FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND now() - query_start > interval '5 seconds' ORDER BY query_start", none)),
                row -> new SlowQuery(row.getInteger("pid"), row.getDouble("seconds"), row.getString("query")));
        List<TableSize> tables = Db.map(await(() -> db.readReplica("SELECT tablename,"
                + " pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)) AS bytes"
                + " FROM pg_tables WHERE schemaname = current_schema() ORDER BY bytes DESC", none)),
                row -> new TableSize(row.getString("tablename"), row.getLong("bytes")));
        List<IndexUsage> indexes = Db.map(await(() -> db.readReplica("SELECT relname, indexrelname, idx_scan"
                + " FROM pg_stat_user_indexes ORDER BY idx_scan DESC, indexrelname", none)),
                row -> new IndexUsage(row.getString("relname"), row.getString("indexrelname"),
                        row.getLong("idx_scan")));
        var cache = await(() -> db.readReplica("SELECT sum(heap_blks_hit)::float8 / NULLIF(sum(heap_blks_hit)"
                + " + sum(heap_blks_read), 0)::float8 AS ratio FROM pg_statio_user_tables", none)).iterator().next();
        Stats stats = new Stats(activity.getLong("connections"), activity.getLong("active"), slow,
                activity.getLong("size"), tables, indexes, cache.getDouble("ratio"));
        print(stats, out -> printHuman(out, stats));
    }

    private static void printHuman(PrintWriter out, Stats stats) {
        out.printf(Locale.ROOT, "Connections: %d (%d active), database size: %d bytes, cache hit ratio: %s%n",
                stats.connections(), stats.activeQueries(), stats.databaseBytes(), stats.cacheHitRatio() == null
                        ? "n/a (no reads yet)"
                        : String.format(Locale.ROOT, "%.2f %%", stats.cacheHitRatio() * 100));
        Table slow = new Table("PID", "SECONDS", "QUERY");
        stats.slowQueries().forEach(q -> slow.row(q.pid(), String.format(Locale.ROOT, "%.1f", q.seconds()), q.query()));
        slow.print(out, "No query active for more than 5 s.");
        Table tables = new Table("TABLE", "BYTES");
        stats.tables().forEach(t -> tables.row(t.table(), t.bytes()));
        tables.print(out, "No tables.");
        Table indexes = new Table("TABLE", "INDEX", "SCANS");
        stats.indexes().forEach(i -> indexes.row(i.table(), i.index(), i.scans()));
        indexes.print(out, "No indexes.");
    }
}
