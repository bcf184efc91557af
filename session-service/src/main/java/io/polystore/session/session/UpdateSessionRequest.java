package io.polystore.session.session;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields given change, the others stay; {@code masterParameters} is replaced whole. */
@Schema(name = "UpdateSession")
public record UpdateSessionRequest(
        @Schema(maxLength = 10) @Pattern(regexp = SessionLimits.LANGUAGE) String language,
        ConfiguratorState currentState,
        @Schema(type = SchemaType.OBJECT, description = "A JSON object of at most 16384 characters and 8 levels.") JsonNode masterParameters) {
}
