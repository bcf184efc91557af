package io.polystore.mandate.archive;

import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * session-service hands a session over here before it leaves Redis. As every {@code /internal/**} path it takes only a
 * service token (the chassis' {@code CallerFilter}), and of those only session-service's: no other service writes
 * archives. Idempotent by {@code sessionId}: a repeat, or a late archive older than the stored one, changes nothing
 * ({@code unchanged}); the answer is 200 in every case, so the caller may retry freely. Never routed by the gateway,
 * not in the OpenAPI document.
 */
@Path("/internal/archives")
public class InternalArchiveResource {

    static final String WRITER = "session-service";

    private final ArchiveRepository archives;
    private final CurrentCaller caller;

    InternalArchiveResource(ArchiveRepository archives, CurrentCaller caller) {
        this.archives = archives;
        this.caller = caller;
    }

    @POST
    @Operation(hidden = true)
    public Uni<ArchiveReceipt> archive(@Valid @NotNull ArchiveRequest archive) {
        if (!WRITER.equals(caller.get().subject())) {
            throw new ProblemException(
                    Problem.of(Response.Status.FORBIDDEN, "only " + WRITER + " archives sessions"));
        }
        return archives.upsert(archive).map(outcome -> new ArchiveReceipt(archive.sessionId(), outcome));
    }

    /** What was done with one hand-over. */
    public record ArchiveReceipt(String sessionId, ArchiveOutcome outcome) {
    }
}
