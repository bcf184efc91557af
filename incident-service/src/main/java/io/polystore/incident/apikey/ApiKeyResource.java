package io.polystore.incident.apikey;

import io.polystore.rest.http.CreatedLocation;
import io.polystore.rest.http.Ids;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
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

/**
 * The caller's own API keys, for keys with {@code keys:manage} only. Secrets appear only in the answers to create and
 * regenerate, which no cache may keep.
 */
@Path(ApiKeyResource.PATH)
@RequiresScope(Scopes.KEYS_MANAGE)
@Tag(name = "api-keys", description = "The caller's API keys (scope keys:manage): create, list, regenerate, revoke.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.KEYS_MANAGE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.KEYS_MANAGE)
public class ApiKeyResource {

    static final String PATH = "/api/keys";
    static final String NO_STORE = "no-store";

    private final ApiKeyService service;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List the caller's active API keys", description = "Never a secret: only prefixes.")
    @APIResponse(responseCode = "200", description = "The active keys, oldest first.")
    public Uni<List<ApiKeyView>> list() {
        return service.list(caller.userId());
    }

    @GET
    @Path("/{id: " + Ids.PATTERN + "}")
    @Operation(operationId = "getApiKey", summary = "Get one of the caller's active API keys")
    @APIResponse(responseCode = "200", description = "The key, without its secret.")
    @APIResponse(responseCode = "404", description = "No such active key of the caller's.")
    public Uni<ApiKeyView> get(
            @Parameter(description = "The key's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        return service.get(id, caller.userId());
    }

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "The new key's secret (`apiKey`) is in this answer only. "
            + "Its parent is the calling key; it gets at most the calling key's scopes.")
    @APIResponse(responseCode = "201", description = "Created; store `apiKey` now.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedApiKey.class)), headers = {
            @Header(name = "Location", description = "The key's URL.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "no-store: the answer carries a secret.", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field.")
    @APIResponse(responseCode = "409", description = "The user already has the most active keys allowed (`maxActive`).")
    public Uni<RestResponse<IssuedApiKey>> create(@Valid @NotNull CreateApiKeyRequest request, UriInfo uri) {
        Set<String> requested = ApiKeyScopes.requested(request.scopes());
        // before the create: once the key is stored nothing may fail, or its secret would never be shown
        CreatedLocation location = CreatedLocation.of(uri, PATH);
        return service.createFor(caller.get(), request.name(), requested)
                .map(issued -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, issued)
                        .header(HttpHeaders.LOCATION, location.of(issued.keyId()))
                        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                        .build());
    }

    @POST
    @Path("/{id: " + Ids.PATTERN + "}/regenerate")
    @Operation(operationId = "regenerateApiKey", summary = "Give an API key a new secret", description = "New prefix and secret, shown in this answer only; "
            + "scopes and the keys it created stay. Every gateway refuses the old secret within 5 s.")
    @APIResponse(responseCode = "200", description = "The key with its new `apiKey`; store it now.", headers = @Header(name = "Cache-Control", description = "no-store: the answer carries a secret.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such active key of the caller's.")
    public Uni<RestResponse<IssuedApiKey>> regenerate(
            @Parameter(description = "The key's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        return service.regenerate(id, caller.userId())
                .map(issued -> RestResponse.ResponseBuilder.ok(issued).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                        .build());
    }

    /** Revokes the key and every key it created, transitively. */
    @DELETE
    @Path("/{id: " + Ids.PATTERN + "}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key and every key it created", description = "Transitively; every gateway refuses them within 5 s.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No such active key of the caller's.")
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "The key's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        return service.revoke(id, caller.userId()).map(revoked -> RestResponse.noContent());
    }
}
