package io.polystore.mandate.alert;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The tenant's alerts: read with {@code mandates} or {@code mandates:read}, changed with {@code mandates}. */
@Path("/api/alerts")
@Tag(name = "alerts", description = "Expiring mandates, failed verifications, failed webhook deliveries.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.WRITE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.WRITE)
public class AlertResource {

    private static final String ID = "/{id: " + Queries.UUID_PATH + "}";

    private final AlertService service;
    private final CurrentCaller caller;

    AlertResource(AlertService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAlerts", summary = "The tenant's alerts", description = "Newest first, in pages.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<AlertPage> list(
            @Parameter(description = "Only this alert type.", schema = @Schema(implementation = AlertType.class)) @QueryParam("type") String type,
            @Parameter(description = "Only this severity.", schema = @Schema(implementation = Severity.class)) @QueryParam("severity") String severity,
            @Parameter(description = "Only read (true) or unread (false) alerts.", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("read") String read,
            @Parameter(description = "Only resolved (true) or open (false) alerts.", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("resolved") String resolved,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        MandateScopes.requireRead(caller);
        return service.list(tenant(), AlertType.fromQuery(type), Severity.fromQuery(severity),
                Queries.bool("read", read), Queries.bool("resolved", resolved), Cursors.uuid(cursor),
                Queries.limit(limit));
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getAlert", summary = "One alert")
    @APIResponse(responseCode = "200", description = "The alert.")
    @APIResponse(responseCode = "404", description = "No such alert of the tenant's.")
    public Uni<AlertView> get(@Parameter(description = "The alert's id.") @PathParam("id") UUID id) {
        MandateScopes.requireRead(caller);
        return service.get(tenant(), id);
    }

    @POST
    @Path(ID + "/read")
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "markAlertRead", summary = "Mark an alert read")
    @APIResponse(responseCode = "200", description = "The alert.")
    @APIResponse(responseCode = "404", description = "No such alert of the tenant's.")
    public Uni<AlertView> markRead(@Parameter(description = "The alert's id.") @PathParam("id") UUID id) {
        return service.markRead(tenant(), id);
    }

    @POST
    @Path(ID + "/resolve")
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "resolveAlert", summary = "Resolve an alert", description = "Resolved alerts are purged after ALERT_RETENTION_DAYS (30).")
    @APIResponse(responseCode = "200", description = "The alert.")
    @APIResponse(responseCode = "404", description = "No such alert of the tenant's.")
    public Uni<AlertView> resolve(@Parameter(description = "The alert's id.") @PathParam("id") UUID id) {
        return service.resolve(tenant(), id);
    }

    private String tenant() {
        return Actor.tenantOf(caller.userId());
    }
}
