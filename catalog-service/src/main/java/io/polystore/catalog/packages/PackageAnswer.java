package io.polystore.catalog.packages;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The packages, best first; when there is none, why. */
@Schema(name = "PackageAnswer")
public record PackageAnswer(List<WeldingPackage> packages,
        @Schema(description = "Why no package could be built; empty when there are packages.") List<String> reasons,
        @Schema(description = "Power sources that meet the requirements but miss a component (up to 10); empty when there are packages.") List<Incomplete> incomplete) {

    /** A power source left out, and the component types nothing compatible was found for. */
    @Schema(name = "IncompletePowerSource")
    public record Incomplete(String gin, String name, List<String> missing) {
    }
}
