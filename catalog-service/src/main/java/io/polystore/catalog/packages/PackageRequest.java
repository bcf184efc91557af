package io.polystore.catalog.packages;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a welding package must meet. */
@Schema(name = "PackageRequest")
public record PackageRequest(
        @Schema(description = "The welding process, exactly as the catalog spells it.", examples = "MIG (GMAW)", required = true) @NotBlank @Size(max = 200) String process,
        @Schema(description = "The power source's current output at least this, in A.", examples = "400", minimum = "0", maximum = "100000") @Min(0) @Max(100_000) Integer minCurrent,
        @Schema(description = "The power source's cooling, exactly: Water-cooled or Air-cooled.", examples = "Water-cooled") @Size(min = 1, max = 200) String cooling,
        @Schema(description = "Most packages (1 to 20, default 5).", minimum = "1", maximum = "20") @Min(1) @Max(PackageRequest.MAX_LIMIT) Integer limit) {

    public static final int MAX_LIMIT = 20;
    public static final int DEFAULT_LIMIT = 5;
}
