package io.polystore.payment.payment;

import io.polystore.payment.health.MySqlReadinessCheck;
import io.polystore.rest.store.StoreCalls;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Payments; every query has the chassis' store deadline ({@code STORE_DEADLINE}). */
@ApplicationScoped
public class PaymentRepository implements PanacheRepository<Payment> {

    private final StoreCalls calls;

    PaymentRepository(StoreCalls calls) {
        this.calls = calls;
    }

    public Uni<Payment> findByReference(String reference) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> find("reference", reference).firstResult());
    }
}
