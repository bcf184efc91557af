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

    /** One of the tenant's customers, not deleted. */
    public Uni<Customer> findLive(String tenantId, long id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /** A read within the store deadline. */
    public <T> Uni<T> bounded(java.util.function.Supplier<Uni<T>> read) {
        return calls.bounded(PostgresReadinessCheck.NAME, read);
    }

    public Uni<Customer> findByExternalRef(String tenantId, String externalRef) {
        return calls.bounded(PostgresReadinessCheck.NAME,
                () -> find("tenantId = ?1 and externalRef = ?2 and deletedAt is null", tenantId, externalRef)
                        .firstResult());
    }
}
