package io.polystore.mandate.store;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of a list query, each with its value as a bind parameter: {@code and("status = ?", status)} becomes
 * {@code status = $2}. Only fixed SQL text is ever appended; values never are.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code condition} with one {@code ?} for {@code value}. */
    public Where and(String condition, Object value) {
        values.add(value);
        return andRaw(condition.replace("?", "$" + values.size()));
    }

    /** Adds a condition without a value ({@code deleted_at IS NULL}). */
    public Where andRaw(String condition) {
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        return this;
    }

    /** A bind parameter for what follows the conditions ({@code LIMIT $n}). */
    public String parameter(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    public String sql() {
        return sql.toString();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
