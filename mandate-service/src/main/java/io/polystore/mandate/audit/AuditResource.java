package io.polystore.mandate.audit;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.mandate.MandateService;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.json.ApiEnum;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit trail: scope {@code mandates} or {@code mandates:read}. */
@Path("/api/mandates")
@Tag(name = "audit", description = "The append-only audit log of the tenant's mandates (reads included).")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.READ)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.READ)
public class AuditResource {

    private final AuditTrail trail;
    private final MandateService mandates;
    private final CurrentCaller caller;

    AuditResource(AuditTrail trail, MandateService mandates, CurrentCaller caller) {
        this.trail = trail;
        this.mandates = mandates;
        this.caller = caller;
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "searchAudit", summary = "Search the tenant's audit trail", description = "Newest first, in pages. `from` inclusive, `to` exclusive.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<AuditPage> search(
            @Parameter(description = "Only rows of this mandate.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("mandateId") String mandateId,
            @Parameter(description = "Only this event type.", schema = @Schema(implementation = AuditEventType.class)) @QueryParam("eventType") String eventType,
            @Parameter(description = "From this instant (UTC, inclusive).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Before this instant (UTC, exclusive).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        MandateScopes.requireRead(caller);
        return trail.search(Actor.tenantOf(caller.userId()), Queries.uuid("mandateId", mandateId),
                ApiEnum.fromQuery(AuditEventType.class, AuditEventType::value, "eventType", eventType),
                Queries.instant("from", from), Queries.instant("to", to), Cursors.number(cursor),
                Queries.limit(limit));
    }

    @GET
    @Path("/{id: " + Queries.UUID_PATH + "}/audit")
    @Operation(operationId = "mandateAudit", summary = "The audit trail of one mandate", description = "Newest first, in pages. Another tenant's mandate is a 404.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "The limit or cursor is invalid.")
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's (a purged one's trail is in /api/mandates/audit?mandateId=).")
    public Uni<AuditPage> ofMandate(@Parameter(description = "The mandate's id.") @PathParam("id") UUID id,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        MandateScopes.requireRead(caller);
        String tenant = Actor.tenantOf(caller.userId());
        Long before = Cursors.number(cursor);
        int pageSize = Queries.limit(limit);
        return mandates.requireExists(tenant, id)
                .flatMap(exists -> trail.search(tenant, id, null, null, null, before, pageSize));
    }
}
