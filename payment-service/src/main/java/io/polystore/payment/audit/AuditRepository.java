package io.polystore.payment.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.payment.payment.PaymentIds;
import io.polystore.payment.payment.PaymentRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only {@code audit_log}: rows are inserted in the transaction of their change and never updated. */
@ApplicationScoped
public class AuditRepository {

    private static final String SELECT = "SELECT id, payment_id, action, old_value, new_value, key_id, user_id, "
            + "user_agent, ip_address, created_at FROM audit_log ";

    private final ObjectMapper mapper;

    AuditRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> append(SqlClient tx, UUID paymentId, long ownerUserId, AuditAction action, Object oldValue,
            Object newValue, Actor actor, Instant at) {
        return tx.preparedQuery("INSERT INTO audit_log (payment_id, owner_user_id, action, old_value, new_value, "
                + "key_id, user_id, user_agent, ip_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .execute(Tuple.from(new Object[]{PaymentRepository.id(paymentId), ownerUserId, action.name(),
                        json(oldValue), json(newValue), actor.keyId(), actor.userId(), actor.userAgent(),
                        actor.ipAddress(), PaymentRepository.utc(at)}))
                .replaceWithVoid();
    }

    /** A payment's trail, oldest first; only the owner's rows (null owner: the ops command line). */
    public Uni<List<AuditEntry>> trail(SqlClient client, UUID paymentId, long ownerUserId) {
        return client.preparedQuery(SELECT + "WHERE owner_user_id = ? AND payment_id = ? ORDER BY id LIMIT 1000")
                .execute(Tuple.of(ownerUserId, PaymentRepository.id(paymentId))).map(this::entries);
    }

    /** Up to {@code limit} rows after {@code afterId} created at or after {@code since}, in id order (export). */
    public Uni<List<AuditEntry>> since(SqlClient client, Instant since, long afterId, int limit) {
        return client.preparedQuery(SELECT + "WHERE created_at >= ? AND id > ? ORDER BY id LIMIT ?")
                .execute(Tuple.of(PaymentRepository.utc(since), afterId, limit)).map(this::entries);
    }

    private List<AuditEntry> entries(Iterable<Row> rows) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new AuditEntry(row.getLong("id"),
                    PaymentIds.fromBytes(row.getBuffer("payment_id").getBytes()).toString(),
                    AuditAction.valueOf(row.getString("action")), node(row.getValue("old_value")),
                    node(row.getValue("new_value")), row.getLong("key_id"), row.getLong("user_id"),
                    row.getString("user_agent"), row.getString("ip_address"),
                    row.getLocalDateTime("created_at").toInstant(ZoneOffset.UTC)));
        }
        return entries;
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB's JSON is LONGTEXT on the wire (a String), MySQL's a Vert.x JsonObject whose {@code toString()} is its
     * encoding: both read as a tree. The service writes only objects.
     */
    private JsonNode node(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
