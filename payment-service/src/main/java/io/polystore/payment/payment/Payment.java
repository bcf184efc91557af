package io.polystore.payment.payment;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** One row of {@code payments}. */
public record Payment(UUID id, long seq, String reference, long ownerUserId, String payerName, String email,
        BigDecimal amount, BigDecimal amountReceived, String currency, BigDecimal feePercentage, BigDecimal feeAmount,
        BigDecimal finalAmount, String description, String school, String studentId, String senderFullName,
        String countryFrom, String senderAddress, PaymentStatus status, ValidationStatus validationStatus,
        long version, Instant createdAt, Instant updatedAt) {

    /** The columns {@link #of(Row)} reads, in a SELECT. */
    static final String COLUMNS = "id, seq, reference, owner_user_id, payer_name, email, amount, amount_received, "
            + "currency, fee_percentage, fee_amount, final_amount, description, school, student_id, sender_full_name, "
            + "country_from, sender_address, status, validation_status, version, created_at, updated_at";

    static Payment of(Row row) {
        return new Payment(PaymentIds.fromBytes(row.getBuffer("id").getBytes()), row.getLong("seq"),
                row.getString("reference"), row.getLong("owner_user_id"), row.getString("payer_name"),
                row.getString("email"), row.getBigDecimal("amount"), row.getBigDecimal("amount_received"),
                row.getString("currency"), row.getBigDecimal("fee_percentage"), row.getBigDecimal("fee_amount"),
                row.getBigDecimal("final_amount"), row.getString("description"), row.getString("school"),
                row.getString("student_id"), row.getString("sender_full_name"), row.getString("country_from"),
                row.getString("sender_address"), PaymentStatus.valueOf(row.getString("status")),
                ValidationStatus.valueOf(row.getString("validation_status")), row.getLong("version"),
                utc(row, "created_at"), utc(row, "updated_at"));
    }

    static Instant utc(Row row, String column) {
        return row.getLocalDateTime(column).toInstant(ZoneOffset.UTC);
    }

    /** This payment with another status and description: the next version, changed at {@code at}. */
    Payment changed(PaymentStatus nextStatus, String nextDescription, Instant at) {
        return new Payment(id, seq, reference, ownerUserId, payerName, email, amount, amountReceived, currency,
                feePercentage, feeAmount, finalAmount, nextDescription, school, studentId, senderFullName,
                countryFrom, senderAddress, nextStatus, validationStatus, version + 1, createdAt, at);
    }
}
