package io.polystore.catalog.graph;

import io.polystore.catalog.product.ProductRepository;
import io.polystore.rest.identity.PublicEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.neo4j.driver.async.ResultCursor;

/** Test-only endpoints (src/test): what a REST resource of this service answers when the graph refuses or is gone. */
@Path("/test/products/{gin}")
@PublicEndpoint
public class ProductProbeResource {

    private final ProductRepository products;
    private final Graph graph;

    ProductProbeResource(ProductRepository products, Graph graph) {
        this.products = products;
        this.graph = graph;
    }

    @GET
    public Uni<String> find(@PathParam("gin") String gin) {
        return products.findByGin(gin).map(found -> found == null ? "none" : found.name());
    }

    /** CREATE, not MERGE: a second product with the GIN breaks the uniqueness constraint. */
    @POST
    public Uni<String> create(@PathParam("gin") String gin) {
        return graph.write(tx -> tx.runAsync("CREATE (p:Product:Torch {gin: $gin, name: 'probe'}) RETURN p.gin AS gin",
                Map.of("gin", gin)).thenCompose(ResultCursor::singleAsync))
                .map(record -> record.get("gin").asString());
    }
}
