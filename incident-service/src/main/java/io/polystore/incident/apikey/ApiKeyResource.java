package io.polystore.incident.apikey;

import io.polystore.rest.identity.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The caller's own API keys. Secrets appear only in the answers to create and regenerate. */
@Path("/api/keys")
public class ApiKeyResource {

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

    @POST
    public Uni<Response> create(@Valid @NotNull CreateApiKeyRequest request, UriInfo uri) {
        return service.create(caller.userId(), request.name())
                .map(issued -> Response
                        .created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.keyId())).build())
                        .entity(issued).build());
    }

    @POST
    @Path("/{id}/regenerate")
    public Uni<IssuedApiKey> regenerate(@PathParam("id") long id) {
        return service.regenerate(id, caller.userId());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return service.revoke(id, caller.userId()).map(done -> Response.noContent().build());
    }
}
