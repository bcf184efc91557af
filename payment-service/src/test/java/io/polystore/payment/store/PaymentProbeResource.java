package io.polystore.payment.store;

import io.polystore.payment.payment.Payment;
import io.polystore.payment.payment.PaymentRepository;
import io.polystore.rest.identity.PublicEndpoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;

/** Test-only endpoints (src/test): what a REST resource of this service answers when the store refuses or is gone. */
@Path("/test/payments")
@PublicEndpoint
public class PaymentProbeResource {

    private final PaymentRepository payments;

    PaymentProbeResource(PaymentRepository payments) {
        this.payments = payments;
    }

    @GET
    @Path("/{reference}")
    public Uni<String> find(@PathParam("reference") String reference) {
        return payments.findByReference(reference).map(found -> found == null ? "none" : found.reference);
    }

    @POST
    @Path("/{reference}")
    public Uni<String> create(@PathParam("reference") String reference) {
        Payment payment = new Payment();
        payment.reference = reference;
        payment.payerEmail = "payer@example.com";
        payment.amount = new BigDecimal("1.00");
        payment.currency = "EUR";
        return Panache.withTransaction(() -> payments.persist(payment)).map(saved -> saved.reference);
    }
}
