package io.polystore.mandate.webhook;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.mandate.store.UuidLocation;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The tenant's webhooks and their deliveries: scope {@code webhooks:manage}. */
@Path(WebhookResource.PATH)
@RequiresScope(MandateScopes.WEBHOOKS_MANAGE)
@Tag(name = "webhooks", description = "Signed event notifications (MandateCreated, MandateVerificationFailed, MandateExpired, MandateRevoked) to the tenant's URLs.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.WEBHOOKS_MANAGE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.WEBHOOKS_MANAGE)
public class WebhookResource {

    static final String PATH = "/api/webhooks";
    static final String ID = "/{id: " + Queries.UUID_PATH + "}";
    private static final String WEBHOOK_ID = "The webhook's id.";

    private final WebhookService service;
    private final CurrentCaller caller;

    WebhookResource(WebhookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Register a webhook", description = "The answer carries the signing secret, once: it is stored encrypted and never returned again. "
            + "Each delivery is a POST of the event JSON with X-Webhook-Timestamp and X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + body)>.")
    @APIResponse(responseCode = "201", description = "Registered; `secret` is shown this once.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)), headers = {
            @Header(name = "Location", description = "The webhook's URL.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "no-store: the answer holds a secret.", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid body, a URL that is not http(s) or points to a refused address; `errors` names the field.")
    public Uni<RestResponse<WebhookView>> create(@Valid @NotNull CreateWebhookRequest request, UriInfo uri) {
        UuidLocation location = UuidLocation.of(uri, PATH);
        return service.create(tenant(), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header(HttpHeaders.LOCATION, location.of(created.id()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The tenant's webhooks (never their secrets)")
    @APIResponse(responseCode = "200", description = "The webhooks (at most 1,000), oldest first.")
    public Uni<List<WebhookView>> list() {
        return service.list(tenant());
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getWebhook", summary = "One webhook")
    @APIResponse(responseCode = "200", description = "The webhook.")
    @APIResponse(responseCode = "404", description = "No such webhook of the tenant's.")
    public Uni<WebhookView> get(@Parameter(description = WEBHOOK_ID) @PathParam("id") UUID id) {
        return service.get(tenant(), id);
    }

    @PATCH
    @Path(ID)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook", description = "JSON merge semantics. isActive=false cancels its pending deliveries.")
    @APIResponse(responseCode = "200", description = "The changed webhook.")
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names the field.")
    @APIResponse(responseCode = "404", description = "No such webhook of the tenant's.")
    public Uni<WebhookView> update(@Parameter(description = WEBHOOK_ID) @PathParam("id") UUID id,
            @Valid @NotNull UpdateWebhookRequest change) {
        return service.update(tenant(), id, change);
    }

    @DELETE
    @Path(ID)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such webhook of the tenant's.")
    public Uni<RestResponse<Void>> delete(@Parameter(description = WEBHOOK_ID) @PathParam("id") UUID id) {
        return service.delete(tenant(), id).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path(ID + "/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries", description = "Newest first, in pages.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid.")
    @APIResponse(responseCode = "404", description = "No such webhook of the tenant's.")
    public Uni<DeliveryPage> deliveries(@Parameter(description = WEBHOOK_ID) @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries that gave up.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("failed") String failed,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        return service.deliveries(tenant(), id, Boolean.TRUE.equals(Queries.bool("failed", failed)),
                Cursors.uuid(cursor), Queries.limit(limit));
    }

    @POST
    @Path(ID + "/deliveries/{delivery: " + Queries.UUID_PATH + "}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again", description = "A delivered or failed delivery is queued again from its first attempt.")
    @APIResponse(responseCode = "200", description = "Queued.")
    @APIResponse(responseCode = "404", description = "No such delivery of this webhook of the tenant's.")
    @APIResponse(responseCode = "409", description = "The delivery is still pending, or the webhook is inactive.")
    public Uni<DeliveryView> redeliver(@Parameter(description = WEBHOOK_ID) @PathParam("id") UUID id,
            @Parameter(description = "The delivery's id.") @PathParam("delivery") UUID delivery) {
        return service.redeliver(tenant(), id, delivery);
    }

    @POST
    @Path("/retry-failed")
    @Operation(operationId = "retryFailedWebhookDeliveries", summary = "Queue every failed delivery of the tenant again", description = "Only deliveries of active webhooks; each from its first attempt.")
    @APIResponse(responseCode = "200", description = "How many were queued.")
    public Uni<RetryFailedResult> retryFailed() {
        return service.retryFailed(tenant()).map(RetryFailedResult::new);
    }

    /**
     * @param queued
     *            how many failed deliveries were queued again
     */
    @Schema(name = "RetryFailedResult")
    public record RetryFailedResult(@Schema(required = true) int queued) {
    }

    private String tenant() {
        return Actor.tenantOf(caller.userId());
    }
}
