package io.polystore.session.session;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything optional: language {@code en}, step {@code power_source_selection}, no parameters yet. */
@Schema(name = "CreateSession")
public record CreateSessionRequest(
        @Schema(description = "BCP 47-like tag, e.g. `en`, `de`, `pt-BR`; default `en`.", maxLength = 10) @Pattern(regexp = SessionLimits.LANGUAGE) String language,
        ConfiguratorState currentState,
        @Schema(type = SchemaType.OBJECT, description = "Requirements per component; a JSON object of at most 16384 characters and 8 levels.") JsonNode masterParameters) {
}
