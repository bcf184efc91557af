package io.polystore.mandate.mandate;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.mandate.store.UuidLocation;
import io.polystore.rest.concurrency.IfMatch;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.json.ApiEnum;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The tenant's mandates. Writes need scope {@code mandates}; reads {@code mandates} or {@code mandates:read}
 * ({@link MandateScopes#requireRead}).
 */
@Path(MandateResource.PATH)
@Tag(name = "mandates", description = "Payment mandates: signed credentials (JWT-VC), verified, audited, soft-deleted.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.WRITE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.WRITE)
public class MandateResource {

    static final String PATH = "/api/mandates";
    static final String ID = "/{id: " + Queries.UUID_PATH + "}";
    private static final String ETAG_DESCRIPTION = "The mandate's version, for If-Match.";

    private final MandateService service;
    private final CurrentCaller caller;

    MandateResource(MandateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "createMandate", summary = "Store a mandate credential", description = "The credential (a JWT-VC, compact JWS) is verified: with the key inside a did:key issuer, or with a JWK the tenant registered for the issuer DID. "
            + "A malformed credential is a 400 and nothing is stored; one that fails verification is stored with verificationStatus INVALID and its reason, and raises an alert.")
    @APIResponse(responseCode = "201", description = "Stored.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MandateView.class)), headers = {
            @Header(name = "Location", description = "The mandate's URL.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IfMatch.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid body or malformed credential; `errors` names the field.")
    public Uni<RestResponse<MandateView>> create(@Valid @NotNull CreateMandateRequest request, UriInfo uri,
            @Context HttpServerRequest http) {
        UuidLocation location = UuidLocation.of(uri, PATH);
        return service.create(Actor.of(caller, http), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header(HttpHeaders.LOCATION, location.of(created.id()))
                        .header(IfMatch.ETAG, created.etag()).build());
    }

    @GET
    @Operation(operationId = "listMandates", summary = "List the tenant's mandates", description = "Newest first, in pages: pass `nextCursor` back as `cursor`. Deleted mandates only with includeDeleted=true (or status=deleted).")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<MandatePage> list(
            @Parameter(description = "Only mandates in this status.", schema = @Schema(implementation = MandateStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only mandates of this issuer DID.") @QueryParam("issuerDid") String issuerDid,
            @Parameter(description = "Only mandates of this subject DID.") @QueryParam("subjectDid") String subjectDid,
            @Parameter(description = "Only mandates of this customer id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("customer") String customer,
            @Parameter(description = "Only mandates expiring before this instant (UTC).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("expiresBefore") String expiresBefore,
            @Parameter(description = "Include deleted mandates.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeDeleted") String includeDeleted,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        MandateScopes.requireRead(caller);
        MandateFilter filter = new MandateFilter(Actor.tenantOf(caller.userId()),
                ApiEnum.fromQuery(MandateStatus.class, MandateStatus::value, "status", status),
                emptyAsNull(issuerDid), emptyAsNull(subjectDid), customerId(customer),
                Queries.instant("expiresBefore", expiresBefore),
                Boolean.TRUE.equals(Queries.bool("includeDeleted", includeDeleted)), Cursors.uuid(cursor),
                Queries.limit(limit));
        return service.list(filter);
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getMandate", summary = "Get one mandate (audited)", description = "Every read is written to the audit log (READ). Another tenant's mandate is a 404, as an unknown one.")
    @APIResponse(responseCode = "200", description = "The mandate.", headers = @Header(name = IfMatch.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "includeDeleted is not true or false.")
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's (or deleted, without includeDeleted).")
    public Uni<RestResponse<MandateView>> get(@Parameter(description = "The mandate's id.") @PathParam("id") UUID id,
            @Parameter(description = "Answer a deleted mandate too.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeDeleted") String includeDeleted,
            @Context HttpServerRequest http) {
        MandateScopes.requireRead(caller);
        boolean deletedToo = Boolean.TRUE.equals(Queries.bool("includeDeleted", includeDeleted));
        return service.get(Actor.of(caller, http), id, deletedToo).map(MandateResource::withETag);
    }

    @PATCH
    @Path(ID)
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "updateMandate", summary = "Change a mandate's status, scope, amount limit or retention", description = "JSON merge semantics. Status: active ⇄ suspended, either → revoked (final; raises MandateRevoked). "
            + "Send the ETag you read in If-Match: a changed mandate is a 412; without If-Match a race is a 409.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "The ETag of the version the change is meant for, or *. Optional.", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The changed mandate.", headers = @Header(name = IfMatch.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match; `errors` names it.")
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's.")
    @APIResponse(responseCode = "409", description = "Transition not allowed (`currentStatus`, `allowed`), the mandate is deleted, or a race; nothing applied.")
    @APIResponse(responseCode = "412", description = "The mandate is no longer at the If-Match version; nothing applied.")
    public Uni<RestResponse<MandateView>> update(@Parameter(description = "The mandate's id.") @PathParam("id") UUID id,
            HttpHeaders headers, @Valid @NotNull UpdateMandateRequest change, @Context HttpServerRequest http) {
        IfMatch ifMatch = IfMatch.parse(headers.getRequestHeader(IfMatch.HEADER));
        return service.update(Actor.of(caller, http), id, change, ifMatch).map(MandateResource::withETag);
    }

    @DELETE
    @Path(ID)
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "deleteMandate", summary = "Soft-delete a mandate", description = "Status deleted and deletedAt set; restorable until the retention job purges it (retentionDays after deletion).")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "The ETag of the version meant, or *. Optional.", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "400", description = "Malformed If-Match.")
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's, or already deleted.")
    @APIResponse(responseCode = "409", description = "Changed by another request meanwhile; nothing applied.")
    @APIResponse(responseCode = "412", description = "The mandate is no longer at the If-Match version.")
    public Uni<RestResponse<Void>> delete(@Parameter(description = "The mandate's id.") @PathParam("id") UUID id,
            HttpHeaders headers, @Context HttpServerRequest http) {
        IfMatch ifMatch = IfMatch.parse(headers.getRequestHeader(IfMatch.HEADER));
        return service.delete(Actor.of(caller, http), id, ifMatch).map(deleted -> RestResponse.noContent());
    }

    @POST
    @Path(ID + "/restore")
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "restoreMandate", summary = "Restore a deleted mandate", description = "Back to the status it had when deleted (expired if it expired meanwhile); possible until it is purged.")
    @APIResponse(responseCode = "200", description = "The restored mandate.", headers = @Header(name = IfMatch.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's (or purged).")
    @APIResponse(responseCode = "409", description = "The mandate is not deleted.")
    public Uni<RestResponse<MandateView>> restore(
            @Parameter(description = "The mandate's id.") @PathParam("id") UUID id, HttpHeaders headers,
            @Context HttpServerRequest http) {
        IfMatch ifMatch = IfMatch.parse(headers.getRequestHeader(IfMatch.HEADER));
        return service.restore(Actor.of(caller, http), id, ifMatch).map(MandateResource::withETag);
    }

    @POST
    @Path(ID + "/verify")
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "verifyMandate", summary = "Verify a mandate's credential again", description = "With the keys known now (did:key, registered JWKs) and the current time. Audited (VERIFY); a newly INVALID mandate raises an alert and MandateVerificationFailed.")
    @APIResponse(responseCode = "200", description = "The mandate with its new verification.", headers = @Header(name = IfMatch.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such mandate of the tenant's.")
    @APIResponse(responseCode = "409", description = "The mandate is deleted.")
    public Uni<RestResponse<MandateView>> verify(@Parameter(description = "The mandate's id.") @PathParam("id") UUID id,
            @Context HttpServerRequest http) {
        return service.verify(Actor.of(caller, http), id).map(MandateResource::withETag);
    }

    private static RestResponse<MandateView> withETag(MandateView mandate) {
        return RestResponse.ResponseBuilder.ok(mandate).header(IfMatch.ETAG, mandate.etag()).build();
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Long customerId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,17}")) {
            throw io.polystore.rest.problem.ProblemException.badField("customer", "must be a customer id");
        }
        return Long.parseLong(value);
    }
}
