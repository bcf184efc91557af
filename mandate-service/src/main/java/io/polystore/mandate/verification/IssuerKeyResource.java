package io.polystore.mandate.verification;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.audit.Actor;
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

/** Public keys for issuer DIDs that carry no key themselves (not did:key), per tenant. */
@Path(IssuerKeyResource.PATH)
@Tag(name = "issuers", description = "Public keys (JWK) the tenant trusts for issuer DIDs; did:key issuers need none.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.WRITE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.WRITE)
public class IssuerKeyResource {

    static final String PATH = "/api/mandates/issuers";

    private final IssuerKeys keys;
    private final CurrentCaller caller;

    IssuerKeyResource(IssuerKeys keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "registerIssuerKey", summary = "Register an issuer's public key", description = "Credentials whose iss is this DID are verified with it (as well as with any other key registered for it).")
    @APIResponse(responseCode = "201", description = "Registered.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerKeyView.class)), headers = @Header(name = "Location", description = "The key's URL.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a DID, not a public Ed25519/P-256 JWK; `errors` names the field.")
    @APIResponse(responseCode = "409", description = "This key is already registered for this DID.")
    public Uni<RestResponse<IssuerKeyView>> register(@Valid @NotNull RegisterIssuerKeyRequest request, UriInfo uri) {
        UuidLocation location = UuidLocation.of(uri, PATH);
        return keys.register(Actor.tenantOf(caller.userId()), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header(HttpHeaders.LOCATION, location.of(created.id())).build());
    }

    @GET
    @Operation(operationId = "listIssuerKeys", summary = "The tenant's registered issuer keys")
    @APIResponse(responseCode = "200", description = "The keys (at most 1,000), oldest first.")
    public Uni<List<IssuerKeyView>> list(
            @Parameter(description = "Only the keys of this issuer DID.") @QueryParam("issuerDid") String issuerDid) {
        MandateScopes.requireRead(caller);
        return keys.list(Actor.tenantOf(caller.userId()), issuerDid == null || issuerDid.isEmpty() ? null : issuerDid);
    }

    @DELETE
    @Path("/{id: " + Queries.UUID_PATH + "}")
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "deleteIssuerKey", summary = "Remove a registered issuer key", description = "Mandates already verified keep their verification until verified again.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No such key of the tenant's.")
    public Uni<RestResponse<Void>> delete(@Parameter(description = "The key's id.") @PathParam("id") UUID id) {
        return keys.delete(Actor.tenantOf(caller.userId()), id).map(ignored -> RestResponse.noContent());
    }
}
