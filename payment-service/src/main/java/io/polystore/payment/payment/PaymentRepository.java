package io.polystore.payment.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL of {@code payments} and {@code validation_results}; every value is a bind parameter. Each method runs on the
 * client it is given: the pool for a read, the transaction's connection for a write.
 */
@ApplicationScoped
public class PaymentRepository {

    private static final String SELECT = "SELECT " + Payment.COLUMNS + " FROM payments ";

    /** The next reference number, under the counter row's lock until the transaction ends. */
    public Uni<Long> nextNumber(SqlClient tx) {
        return tx.query("UPDATE reference_sequence SET last_value = last_value + 1 WHERE name = 'payments'")
                .execute()
                .chain(() -> tx.query("SELECT last_value FROM reference_sequence WHERE name = 'payments'").execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> insert(SqlClient tx, Payment p) {
        return tx.preparedQuery("INSERT INTO payments (" + Payment.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .execute(Tuple.from(new Object[]{id(p.id()), p.seq(), p.reference(), p.ownerUserId(),
                        p.payerName(), p.email(), p.amount(), p.amountReceived(), p.currency(), p.feePercentage(),
                        p.feeAmount(), p.finalAmount(), p.description(), p.school(), p.studentId(),
                        p.senderFullName(), p.countryFrom(), p.senderAddress(), p.status().value(),
                        p.validationStatus().value(), p.version(), utc(p.createdAt()), utc(p.updatedAt())}))
                .replaceWithVoid();
    }

    public Uni<Void> insertValidations(SqlClient tx, UUID paymentId, List<Validation> checks, Instant at) {
        List<Tuple> rows = checks.stream().map(check -> Tuple.of(id(paymentId), check.checkType(),
                check.checkResult().name(), check.checkMessage(), utc(at))).toList();
        return tx.preparedQuery("INSERT INTO validation_results (payment_id, check_type, check_result, check_message,"
                + " created_at) VALUES (?, ?, ?, ?, ?)").executeBatch(rows).replaceWithVoid();
    }

    /** Whether the owner has a payment from {@code email} (case-insensitive: the column's collation) since then. */
    public Uni<Boolean> hasPaymentFrom(SqlClient client, long ownerUserId, String email, Instant since) {
        return client.preparedQuery("SELECT 1 FROM payments WHERE owner_user_id = ? AND email = ? AND created_at >= ?"
                + " LIMIT 1").execute(Tuple.of(ownerUserId, email, utc(since)))
                .map(rows -> rows.size() > 0);
    }

    /** The owner's payment (null owner: anyone's), or null. {@code forUpdate} locks it until the transaction ends. */
    public Uni<Payment> find(SqlClient client, UUID id, Long ownerUserId, boolean forUpdate) {
        String lock = forUpdate ? " FOR UPDATE" : "";
        Uni<RowSet<Row>> rows = ownerUserId == null
                ? client.preparedQuery(SELECT + "WHERE id = ?" + lock).execute(Tuple.of(id(id)))
                : client.preparedQuery(SELECT + "WHERE id = ? AND owner_user_id = ?" + lock)
                        .execute(Tuple.of(id(id), ownerUserId));
        return rows.map(PaymentRepository::first);
    }

    public Uni<Payment> findByReference(SqlClient client, String reference, Long ownerUserId) {
        Uni<RowSet<Row>> rows = ownerUserId == null
                ? client.preparedQuery(SELECT + "WHERE reference = ?").execute(Tuple.of(reference))
                : client.preparedQuery(SELECT + "WHERE reference = ? AND owner_user_id = ?")
                        .execute(Tuple.of(reference, ownerUserId));
        return rows.map(PaymentRepository::first);
    }

    public Uni<List<Validation>> validations(SqlClient client, UUID paymentId) {
        return client.preparedQuery("SELECT check_type, check_result, check_message FROM validation_results WHERE "
                + "payment_id = ? ORDER BY id").execute(Tuple.of(id(paymentId)))
                .map(rows -> {
                    List<Validation> checks = new ArrayList<>();
                    rows.forEach(row -> checks.add(new Validation(row.getString(0),
                            CheckResult.valueOf(row.getString(1)), row.getString(2))));
                    return checks;
                });
    }

    /**
     * Keyset page, newest first: each filter combination is served by an index that starts with the owner and ends with
     * {@code seq}. Fetches {@code limit + 1} rows to know whether a next page exists.
     */
    public Uni<List<Payment>> page(SqlClient client, PaymentFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND owner_user_id = ?", filter.ownerUserId());
        condition(sql, parameters, " AND status = ?", filter.status() == null ? null : filter.status().value());
        condition(sql, parameters, " AND validation_status = ?",
                filter.validationStatus() == null ? null : filter.validationStatus().value());
        condition(sql, parameters, " AND email = ?", filter.email());
        condition(sql, parameters, " AND created_at >= ?", filter.from() == null ? null : utc(filter.from()));
        condition(sql, parameters, " AND created_at < ?", filter.to() == null ? null : utc(filter.to()));
        condition(sql, parameters, " AND seq < ?", filter.beforeSeq());
        sql.append(" ORDER BY seq DESC LIMIT ?");
        parameters.add(filter.limit() + 1);
        return client.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<Payment> page = new ArrayList<>();
            rows.forEach(row -> page.add(Payment.of(row)));
            return page;
        });
    }

    /** How many payments have each value of {@code column} (a column name of this class, never input). */
    public Uni<Map<String, Long>> countBy(SqlClient client, String column) {
        return client.query("SELECT " + column + ", COUNT(*) FROM payments GROUP BY " + column + " ORDER BY " + column)
                .execute().map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
                    return counts;
                });
    }

    public Uni<Long> countSince(SqlClient client, Instant since) {
        return client.preparedQuery("SELECT COUNT(*) FROM payments WHERE created_at >= ?")
                .execute(Tuple.of(utc(since))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The versioned write: 0 rows when the version moved on (a lost race). */
    public Uni<Integer> update(SqlClient tx, Payment changed, long readVersion) {
        return tx.preparedQuery("UPDATE payments SET status = ?, description = ?, version = ?, updated_at = ? "
                + "WHERE id = ? AND version = ?")
                .execute(Tuple.of(changed.status().value(), changed.description(), changed.version(),
                        utc(changed.updatedAt()), id(changed.id()), readVersion))
                .map(RowSet::rowCount);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static Payment first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Payment.of(rows.iterator().next());
    }

    public static Buffer id(UUID id) {
        return Buffer.buffer(PaymentIds.toBytes(id));
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
