package io.polystore.payment.store;

import io.polystore.payment.health.MySqlReadinessCheck;
import io.polystore.payment.payment.PaymentRepository;
import io.polystore.rest.identity.PublicEndpoint;
import io.polystore.rest.store.StoreCalls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Test-only endpoint (src/test): what a read of this service answers when the store refuses or is gone. */
@Path("/test/payments")
@PublicEndpoint
public class PaymentProbeResource {

    private final PaymentRepository payments;
    private final Pool pool;
    private final StoreCalls calls;

    PaymentProbeResource(PaymentRepository payments, Pool pool, StoreCalls calls) {
        this.payments = payments;
        this.pool = pool;
        this.calls = calls;
    }

    @GET
    @Path("/{reference}")
    public Uni<String> find(@PathParam("reference") String reference) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> payments.findByReference(pool, reference, null))
                .map(found -> found == null ? "none" : found.reference());
    }
}
