package io.polystore.mandate.customer;

import io.polystore.mandate.store.Cursors;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** A tenant's customers; another tenant's is "not found". A second live customer with one reference is a 409. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<CustomerView> create(String tenantId, CustomerRequest request) {
        Customer customer = new Customer();
        customer.tenantId = tenantId;
        customer.externalRef = request.externalRef().strip();
        customer.name = request.name().strip();
        customer.email = request.email();
        return customers.persist(customer).call(customers::flush).map(CustomerView::of);
    }

    @WithSession
    public Uni<CustomerPage> list(String tenantId, Long before, int limit) {
        String query = "tenantId = :tenant and deletedAt is null" + (before == null ? "" : " and id < :before")
                + " order by id desc";
        Parameters parameters = Parameters.with("tenant", tenantId);
        if (before != null) {
            parameters.and("before", before);
        }
        return customers.bounded(() -> customers.find(query, parameters).range(0, limit).list()).map(rows -> {
            List<CustomerView> items = rows.stream().limit(limit).map(CustomerView::of).toList();
            return new CustomerPage(items,
                    rows.size() > limit ? Cursors.after(items.get(items.size() - 1).id()) : null);
        });
    }

    @WithSession
    public Uni<CustomerView> get(String tenantId, long id) {
        return customers.bounded(() -> customers.findLive(tenantId, id)).map(customer -> found(customer, id))
                .map(CustomerView::of);
    }

    @WithTransaction
    public Uni<CustomerView> update(String tenantId, long id, CustomerChange change) {
        if (change.name() == null && change.email() == null) {
            String message = "give at least one of name, email";
            throw new ProblemException(Problem.invalid(message, List.of(new Problem.FieldError("name", message))));
        }
        return customers.findLive(tenantId, id).map(customer -> {
            Customer existing = found(customer, id);
            if (change.name() != null) {
                existing.name = change.name().strip();
            }
            if (change.email() != null) {
                existing.email = change.email();
            }
            return existing;
        }).call(customers::flush).map(CustomerView::of);
    }

    /** Soft: the row stays (mandates may reference it), its reference is free for a new customer. */
    @WithTransaction
    public Uni<Void> delete(String tenantId, long id) {
        return customers.findLive(tenantId, id).map(customer -> {
            found(customer, id).deletedAt = clock.instant();
            return null;
        });
    }

    private static Customer found(Customer customer, long id) {
        if (customer == null) {
            throw ProblemException.notFound("customer " + id);
        }
        return customer;
    }
}
