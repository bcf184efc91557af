package io.polystore.payment.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentRepositoryTest {

    @Inject
    PaymentRepository payments;

    @Inject
    Pool pool;

    @Test
    @RunOnVertxContext
    void flywayCreatedThePaymentsTable(UniAsserter asserter) {
        asserter.assertThat(
                () -> pool.query("SELECT MAX(version) AS v FROM flyway_schema_history WHERE success = 1").execute(),
                rows -> assertEquals("1", rows.iterator().next().getString("v")));
    }

    @Test
    @RunOnVertxContext
    void writesAPaymentAndReadsItBack(UniAsserter asserter) {
        String reference = "REF-" + UUID.randomUUID();
        asserter.execute(() -> Panache.withTransaction(() -> payments.persist(payment(reference))));
        asserter.assertThat(() -> Panache.withSession(() -> payments.findByReference(reference)), found -> {
            assertNotNull(found.id);
            assertEquals(0, new BigDecimal("12.50").compareTo(found.amount));
            assertEquals(PaymentStatus.PENDING, found.status);
            assertNotNull(found.createdAt);
        });
    }

    @Test
    @RunOnVertxContext
    void referenceIsUnique(UniAsserter asserter) {
        String reference = "REF-" + UUID.randomUUID();
        asserter.execute(() -> Panache.withTransaction(() -> payments.persist(payment(reference))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> payments.persist(payment(reference))),
                failure -> assertTrue(String.valueOf(rootMessage(failure)).contains("uk_payments_reference"),
                        () -> "unexpected failure: " + rootMessage(failure)));
    }

    private static Payment payment(String reference) {
        Payment payment = new Payment();
        payment.reference = reference;
        payment.payerEmail = "payer@example.com";
        payment.amount = new BigDecimal("12.50");
        payment.currency = "EUR";
        return payment;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append(" | ");
            cause = cause.getCause();
        }
        return messages.toString();
    }
}
