package io.polystore.mandate.store;

import io.polystore.mandate.customer.Customer;
import io.polystore.mandate.customer.CustomerRepository;
import io.polystore.rest.identity.PublicEndpoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Test-only endpoints (src/test): what a REST resource of this service answers when the store refuses or is gone. */
@Path("/test/customers/{tenant}/{ref}")
@PublicEndpoint
public class CustomerProbeResource {

    private final CustomerRepository customers;

    CustomerProbeResource(CustomerRepository customers) {
        this.customers = customers;
    }

    @GET
    public Uni<String> find(@PathParam("tenant") String tenant, @PathParam("ref") String ref) {
        return Panache.withSession(() -> customers.findByExternalRef(tenant, ref))
                .map(found -> found == null ? "none" : found.name);
    }

    @POST
    public Uni<String> create(@PathParam("tenant") String tenant, @PathParam("ref") String ref) {
        Customer customer = new Customer();
        customer.tenantId = tenant;
        customer.externalRef = ref;
        customer.name = "Probe";
        return Panache.withTransaction(() -> customers.persist(customer)).map(saved -> saved.externalRef);
    }
}
