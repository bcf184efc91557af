package io.polystore.catalog.packages;

import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalog/packages")
@RequiresScope(Scopes.CATALOG)
@Tag(name = "packages", description = "Complete welding packages: a power source and a compatible component of every type it needs.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.CATALOG)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.CATALOG)
public class PackageResource {

    private final PackageBuilder builder;

    PackageResource(PackageBuilder builder) {
        this.builder = builder;
    }

    @POST
    @Operation(operationId = "buildPackages", summary = "Build welding packages", description = "Power sources of the process with at least `minCurrent` A (and the cooling, if given), each with one "
            + "compatible Feeder and Interconnector (unless it takes no wire feeder), Cooler (when water-cooled without an "
            + "integrated cooler) and Torch, plus its compatible accessories. Ranked: smallest sufficient current output "
            + "first, then GIN; per type certified components first (torches: amperage covering `minCurrent` first). "
            + "A power source missing a component is left out; when no package is left, `reasons` and `incomplete` say why. "
            + "Read-only: nothing is stored.")
    @APIResponse(responseCode = "200", description = "The packages, best first, or why there is none.")
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field.")
    public Uni<PackageAnswer> build(@Valid @NotNull PackageRequest request) {
        return builder.build(request);
    }
}
