package io.polystore.catalog.compatibility;

import io.polystore.catalog.product.ProductType;
import io.polystore.catalog.product.QueryParams;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What works with a power source. */
@Path("/api/catalog/power-sources")
@RequiresScope(Scopes.CATALOG)
@Tag(name = "compatibility", description = "COMPATIBLE_WITH: which components work with which power sources.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.CATALOG)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.CATALOG)
public class CompatibilityResource {

    private final CompatibilityRepository compatibilities;

    CompatibilityResource(CompatibilityRepository compatibilities) {
        this.compatibilities = compatibilities;
    }

    @GET
    @Path("/{gin}/compatible")
    @Operation(operationId = "listCompatibleComponents", summary = "Components compatible with a power source", description = "Grouped by type, with each relationship's `compatibilityType` (certified or compatible) and notes.")
    @APIResponse(responseCode = "200", description = "The power source and its compatible components.")
    @APIResponse(responseCode = "400", description = "`type` is not a component type.")
    @APIResponse(responseCode = "404", description = "No power source with this GIN.")
    public Uni<CompatibleComponents> compatible(
            @Parameter(description = "The power source's GIN (ten digits).") @PathParam("gin") String gin,
            @Parameter(description = "Only components of this type: Feeder, Cooler, Interconnector, Torch or Accessory.") @QueryParam("type") String type) {
        ProductType only = QueryParams.type("type", type);
        if (only == ProductType.POWER_SOURCE) {
            throw ProblemException.badField("type", "must be a component type; power sources are compatible with "
                    + "components, not with each other");
        }
        return compatibilities.componentsOf(gin, only).map(found -> {
            if (found.product() == null || !ProductType.POWER_SOURCE.label().equals(found.product().type())) {
                throw ProblemException.notFound("power source");
            }
            Map<String, List<CompatibleComponent>> byType = new LinkedHashMap<>();
            for (ProductType component : ProductType.values()) {
                if (component != ProductType.POWER_SOURCE && (only == null || only == component)) {
                    byType.put(component.label(), new ArrayList<>());
                }
            }
            found.compatible().forEach(c -> byType.computeIfAbsent(c.product().type(), t -> new ArrayList<>()).add(c));
            return new CompatibleComponents(found.product(), byType);
        });
    }
}
