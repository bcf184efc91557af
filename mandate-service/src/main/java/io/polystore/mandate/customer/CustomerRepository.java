package io.polystore.mandate.customer;

import io.polystore.mandate.health.PostgresReadinessCheck;
import io.polystore.rest.store.StoreCalls;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Customers, always looked up within one tenant; soft-deleted customers are not found. Every query has the chassis'
 * store deadline ({@code STORE_DEADLINE}).
 */
@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    private final StoreCalls calls;

    CustomerRepository(StoreCalls calls) {
        this.calls = calls;
    }

    public Uni<Customer> findByExternalRef(String tenantId, String externalRef) {
        return calls.bounded(PostgresReadinessCheck.NAME,
                () -> find("tenantId = ?1 and externalRef = ?2 and deletedAt is null", tenantId, externalRef)
                        .firstResult());
    }
}
