package io.polystore.mandate.store;

import io.polystore.mandate.health.PostgresReadinessCheck;
import io.polystore.rest.store.StoreCalls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The mandates database through the reactive PostgreSQL client: writes in one transaction on the primary, reads bounded
 * by the chassis' store deadline ({@code STORE_DEADLINE}) and, for lists, audit search and statistics, on the read
 * replica when {@code READ_DB_URL} names one ({@link ReadPool}).
 */
@ApplicationScoped
public class Db {

    private final Pool primary;
    private final ReadPool replica;
    private final StoreCalls calls;

    Db(Pool primary, ReadPool replica, StoreCalls calls) {
        this.primary = primary;
        this.replica = replica;
        this.calls = calls;
    }

    /** Runs {@code work} in one transaction on the primary: committed when its Uni succeeds, rolled back otherwise. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return primary.withTransaction(work);
    }

    /** A read on the primary (what must see the latest write), bounded by the store deadline. */
    public Uni<RowSet<Row>> read(String sql, Tuple parameters) {
        return calls.bounded(PostgresReadinessCheck.NAME, () -> primary.preparedQuery(sql).execute(parameters));
    }

    /** A read that may lag a little behind: the replica when configured, else the primary. */
    public Uni<RowSet<Row>> readReplica(String sql, Tuple parameters) {
        SqlClient client = replica.pool().orElse(primary);
        return calls.bounded(PostgresReadinessCheck.NAME, () -> client.preparedQuery(sql).execute(parameters));
    }

    public static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(mapper.apply(row));
        }
        return items;
    }

    public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
    }
}
