package io.polystore.payment.payment;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PaymentRepository implements PanacheRepository<Payment> {

    public Uni<Payment> findByReference(String reference) {
        return find("reference", reference).firstResult();
    }
}
