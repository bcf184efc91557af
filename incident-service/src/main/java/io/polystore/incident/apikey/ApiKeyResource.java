package io.polystore.incident.apikey;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/**
 * The caller's own API keys, for keys with {@code keys:manage} only. Secrets appear only in the answers to create and
 * regenerate, which no cache may keep.
 */
@Path("/api/keys")
@RequiresScope(Scopes.KEYS_MANAGE)
public class ApiKeyResource {

    static final String NO_STORE = "no-store";

    private final ApiKeyService service;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<List<ApiKeyView>> list() {
        return service.list(caller.userId());
    }

    @GET
    @Path("/{id}")
    public Uni<ApiKeyView> get(@PathParam("id") long id) {
        return service.get(id, caller.userId());
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateApiKeyRequest request, UriInfo uri) {
        Set<String> requested = ApiKeyScopes.requested(request.scopes());
        return service.createFor(caller.get(), request.name(), requested)
                .map(issued -> Response
                        .created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.keyId())).build())
                        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                        .entity(issued).build());
    }

    @POST
    @Path("/{id}/regenerate")
    public Uni<Response> regenerate(@PathParam("id") long id) {
        return service.regenerate(id, caller.userId())
                .map(issued -> Response.ok(issued).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build());
    }

    /** Revokes the key and every key it created, transitively. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return service.revoke(id, caller.userId()).map(revoked -> Response.noContent().build());
    }
}
