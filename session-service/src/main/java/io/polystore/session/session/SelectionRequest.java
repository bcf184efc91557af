package io.polystore.session.session;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Either the product's GIN or {@code "skipped": true} (the component is not wanted). */
@Schema(name = "Selection")
public record SelectionRequest(
        @Schema(description = "Ten digits, leading zeros kept.", pattern = SessionLimits.GIN, examples = "0446200880") @Pattern(regexp = SessionLimits.GIN) String gin,
        @Schema(description = "true: no product of this type is wanted.") Boolean skipped) {
}
