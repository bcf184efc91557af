package io.polystore.rest.app;

import io.opentelemetry.api.trace.Span;
import io.polystore.rest.identity.PublicEndpoint;
import io.polystore.rest.store.StoreCalls;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.ConnectException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** A tiny application on the chassis: each endpoint provokes one kind of failure or shows one chassis feature. */
@Path("/test")
@PublicEndpoint
public class ChassisTestResource {

    private static final Logger LOG = Logger.getLogger(ChassisTestResource.class);

    public record Body(String name, int count, List<String> tags, Map<String, String> attributes, Inner inner) {
    }

    public record Inner(String label) {
    }

    public record Trace(String mdcTraceId, String spanTraceId, boolean sampled) {
    }

    private final StoreCalls calls;
    private final Clock clock;

    ChassisTestResource(StoreCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @POST
    @Path("/echo")
    public Body echo(Body body) {
        return body;
    }

    @GET
    @Path("/fail/{kind}")
    public Uni<String> fail(@PathParam("kind") String kind) {
        return switch (kind) {
            case "connection-refused" -> Uni.createFrom()
                    .failure(new CompletionException(new ConnectException("Connection refused: /10.1.2.3:5432")));
            case "pool-exhausted" -> Uni.createFrom()
                    .failure(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 8"));
            case "deadline" -> calls.bounded("teststore", () -> Uni.createFrom().nothing());
            case "pg-duplicate" -> Uni.createFrom().failure(new IllegalStateException("wrapped",
                    new PgException("duplicate key value violates unique constraint \"uk_secret\"", "ERROR",
                            "23505", "Key (email)=(secret@example.com) already exists.")));
            case "mysql-duplicate" -> Uni.createFrom().failure(new CompletionException(new MySQLException(
                    "Duplicate entry 'secret@example.com' for key 'uk_users_email'", 1062, "23000")));
            case "lost-race" -> Uni.createFrom().failure(new CompletionException(new MySQLException(
                    "Record has changed since last read in table 'secret_table'", 1020, "HY000")));
            case "bug" -> Uni.createFrom().failure(new IllegalStateException("internal secret detail 4711"));
            default -> throw new IllegalArgumentException("internal secret detail 4712");
        };
    }

    /** Requests inside {@link #slow()} right now. */
    public static final java.util.concurrent.atomic.AtomicInteger IN_SLOW = new java.util.concurrent.atomic.AtomicInteger();

    /** An in-flight request for the graceful-shutdown test: answers after 1.5 s. */
    @GET
    @Path("/slow")
    public Uni<String> slow() {
        IN_SLOW.incrementAndGet();
        return Uni.createFrom().item("done").onItem().delayIt().by(java.time.Duration.ofMillis(1500))
                .onTermination().invoke(IN_SLOW::decrementAndGet);
    }

    @GET
    @Path("/trace")
    public Trace trace() {
        LOG.info("trace endpoint called");
        Object mdc = MDC.get("traceId");
        return new Trace(mdc == null ? null : mdc.toString(), Span.current().getSpanContext().getTraceId(),
                Span.current().getSpanContext().isSampled());
    }

    @GET
    @Path("/clock")
    public String clock() {
        return clock.getClass().getName() + " " + clock.instant();
    }
}
