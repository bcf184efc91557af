package io.polystore.payment.idempotency;

import io.polystore.payment.payment.PaymentRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code idempotency_keys}: one row per (owner, key), written in the create's transaction. The primary key is what
 * makes 20 concurrent creates with one key produce one payment: the first insert holds the key until it commits, the
 * others wait for it and then fail with a duplicate key, and read the first one's answer.
 */
@ApplicationScoped
public class IdempotencyRepository {

    /** The answer stored for the key since {@code notBefore}, or null. */
    public Uni<StoredAnswer> find(SqlClient client, long ownerUserId, String key, Instant notBefore) {
        return client.preparedQuery("SELECT request_hash, response FROM idempotency_keys WHERE owner_user_id = ? AND "
                + "idempotency_key = ? AND created_at >= ?")
                .execute(Tuple.of(ownerUserId, key, PaymentRepository.utc(notBefore)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new StoredAnswer(row.getString(0), row.getString(1));
                });
    }

    /**
     * Removes the owner's row of the key when it is older than {@code notBefore} (it no longer counts). Run on its own,
     * before the create's transaction: inside it, the delete's gap lock and concurrent inserts of the same key
     * deadlock.
     */
    public Uni<Void> forgetExpired(SqlClient client, long ownerUserId, String key, Instant notBefore) {
        return client.preparedQuery("DELETE FROM idempotency_keys WHERE owner_user_id = ? AND idempotency_key = ? AND "
                + "created_at < ?").execute(Tuple.of(ownerUserId, key, PaymentRepository.utc(notBefore)))
                .replaceWithVoid();
    }

    /**
     * Claims the key for this transaction. Fails with a duplicate key when another request holds or held it (a
     * concurrent one waits here until the holder commits or rolls back).
     */
    public Uni<Void> claim(SqlClient tx, long ownerUserId, String key, String requestHash, UUID paymentId,
            Instant now) {
        return tx.preparedQuery("INSERT INTO idempotency_keys (owner_user_id, idempotency_key, request_hash, "
                + "payment_id, response, created_at) VALUES (?, ?, ?, ?, '', ?)")
                .execute(Tuple.of(ownerUserId, key, requestHash, PaymentRepository.id(paymentId),
                        PaymentRepository.utc(now)))
                .replaceWithVoid();
    }

    public Uni<Void> answer(SqlClient tx, long ownerUserId, String key, String response) {
        return tx.preparedQuery("UPDATE idempotency_keys SET response = ? WHERE owner_user_id = ? AND "
                + "idempotency_key = ?").execute(Tuple.of(response, ownerUserId, key)).replaceWithVoid();
    }

    /** Removes keys older than {@code before}; returns how many. */
    public Uni<Integer> purge(SqlClient client, Instant before) {
        return client.preparedQuery("DELETE FROM idempotency_keys WHERE created_at < ? LIMIT 10000")
                .execute(Tuple.of(PaymentRepository.utc(before))).map(rows -> rows.rowCount());
    }
}
