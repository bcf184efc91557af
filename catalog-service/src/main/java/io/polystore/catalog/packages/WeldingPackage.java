package io.polystore.catalog.packages;

import io.polystore.catalog.compatibility.CompatibleComponent;
import io.polystore.catalog.product.ProductView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complete package around one power source. */
@Schema(name = "WeldingPackage")
public record WeldingPackage(
        @Schema(description = "1 is the best package.") int rank,
        ProductView powerSource,
        @Schema(description = "Null when the power source takes no wire feeder (feederRequired false).", nullable = true) CompatibleComponent feeder,
        @Schema(description = "Null when the power source is air-cooled or has an integrated cooler.", nullable = true) CompatibleComponent cooler,
        @Schema(description = "Null when the power source takes no wire feeder.", nullable = true) CompatibleComponent interconnector,
        CompatibleComponent torch,
        @Schema(description = "Every compatible accessory (up to 20), by category then GIN.") List<CompatibleComponent> accessories) {
}
