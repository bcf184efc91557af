package io.polystore.session.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's product lookup, called with the caller's own identity token. */
@RegisterRestClient(configKey = "catalog-service")
@Path("/api/catalog/products")
public interface CatalogClient {

    @GET
    @Path("/{gin}")
    Uni<CatalogProduct> product(@PathParam("gin") String gin,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
