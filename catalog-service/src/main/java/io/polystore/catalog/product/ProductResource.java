package io.polystore.catalog.product;

import io.polystore.catalog.compatibility.CompatibilityRepository;
import io.polystore.catalog.compatibility.PowerSourcesOfComponent;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog's products, read-only (writes go through the ops command line). */
@Path("/api/catalog/products")
@RequiresScope(Scopes.CATALOG)
@Tag(name = "products", description = "Products of the welding catalog, by GIN.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.CATALOG)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.CATALOG)
public class ProductResource {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final ProductRepository products;
    private final CompatibilityRepository compatibilities;

    ProductResource(ProductRepository products, CompatibilityRepository compatibilities) {
        this.products = products;
        this.compatibilities = compatibilities;
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products", description = "In GIN order, in pages: pass `nextCursor` back as `cursor` (null on the last page). "
            + "Filters combine with AND; a filter that no product of the given `type` can meet is a 400.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<ProductPage> list(
            @Parameter(description = "Only this type: PowerSource, Feeder, Cooler, Interconnector, Torch or Accessory.") @QueryParam("type") String type,
            @Parameter(description = "Power sources of this welding process, exactly, e.g. `MIG (GMAW)`.") @QueryParam("process") String process,
            @Parameter(description = "Rated current at least this many amperes: a power source's current output, a torch's amperage.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000")) @QueryParam("minCurrent") String minCurrent,
            @Parameter(description = "Cooling, exactly (`Water-cooled`, `Air-cooled`): a power source's or torch's cooling, a feeder's cooling type.") @QueryParam("cooling") String cooling,
            @Parameter(description = "Accessories of this category, exactly.") @QueryParam("category") String category,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        ProductFilter filter = new ProductFilter(QueryParams.type("type", type), QueryParams.text("process", process),
                QueryParams.number("minCurrent", minCurrent, 0, 100_000, null), QueryParams.text("cooling", cooling),
                QueryParams.text("category", category));
        int pageSize = QueryParams.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        String after = ProductCursor.decode(cursor);
        // one more than the page: whether there is a next page, without a count
        return products.list(filter, after, pageSize + 1).map(found -> {
            List<Product> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
            String next = found.size() > pageSize ? ProductCursor.encode(page.get(page.size() - 1).gin()) : null;
            return new ProductPage(page.stream().map(ProductView::of).toList(), next);
        });
    }

    @GET
    @Path("/{gin}")
    @Operation(operationId = "getProduct", summary = "Get a product", description = "The product with its type and properties.")
    @APIResponse(responseCode = "200", description = "The product.")
    @APIResponse(responseCode = "404", description = "No product with this GIN.")
    public Uni<ProductView> get(
            @Parameter(description = "The product's GIN (ten digits).") @PathParam("gin") String gin) {
        return products.findByGin(gin).map(product -> {
            if (product == null) {
                throw ProblemException.notFound("product");
            }
            return ProductView.of(product);
        });
    }

    @GET
    @Path("/{gin}/power-sources")
    @Operation(operationId = "listPowerSourcesOfComponent", summary = "Power sources a component works with", description = "The power sources the component is compatible with, certified first, then by GIN. "
            + "For a power source the list is empty: compatibility goes from components to power sources.")
    @APIResponse(responseCode = "200", description = "The component and its power sources.")
    @APIResponse(responseCode = "404", description = "No product with this GIN.")
    public Uni<PowerSourcesOfComponent> powerSources(
            @Parameter(description = "The component's GIN (ten digits).") @PathParam("gin") String gin) {
        return compatibilities.powerSourcesOf(gin).map(found -> {
            if (found.product() == null) {
                throw ProblemException.notFound("product");
            }
            return new PowerSourcesOfComponent(found.product(), found.compatible());
        });
    }
}
