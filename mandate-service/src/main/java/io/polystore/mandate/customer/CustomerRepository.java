package io.polystore.mandate.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Customers, always looked up within one tenant; soft-deleted customers are not found. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    public Uni<Customer> findByExternalRef(String tenantId, String externalRef) {
        return find("tenantId = ?1 and externalRef = ?2 and deletedAt is null", tenantId, externalRef).firstResult();
    }
}
