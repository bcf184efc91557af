package io.polystore.catalog.search;

import io.polystore.catalog.product.QueryParams;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalog/search")
@RequiresScope(Scopes.CATALOG)
@Tag(name = "search", description = "Full-text search on product names and descriptions.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.CATALOG)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.CATALOG)
public class SearchResource {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final SearchRepository search;

    SearchResource(SearchRepository search) {
        this.search = search;
    }

    @GET
    @Operation(operationId = "searchProducts", summary = "Search products", description = "Words are matched against names and descriptions, best matches first (Lucene score, ties by GIN). "
            + "Words of 5 or more letters also match with a typo (`arsito` finds Aristo). What is typed is text only: "
            + "Lucene syntax (`AND`, `*`, `~`, `\"`, `:`) has no meaning.")
    @APIResponse(responseCode = "200", description = "The best matches.")
    @APIResponse(responseCode = "400", description = "`q` is empty, longer than 200 characters or has no word; or `type`/`limit` is invalid.")
    public Uni<SearchResults> search(
            @Parameter(description = "What to look for, up to 200 characters and 16 words.", required = true) @QueryParam("q") String q,
            @Parameter(description = "Only this type: PowerSource, Feeder, Cooler, Interconnector, Torch or Accessory.") @QueryParam("type") String type,
            @Parameter(description = "Most results.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT)) @QueryParam("limit") String limit) {
        String lucene = SearchQuery.lucene(q);
        return search.search(lucene, QueryParams.type("type", type),
                QueryParams.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT))
                .map(SearchResults::new);
    }
}
