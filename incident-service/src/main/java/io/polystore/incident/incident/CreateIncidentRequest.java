package io.polystore.incident.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * Lengths are counted in Unicode code points (characters), as JSON Schema's {@code maxLength} and MariaDB's
 * {@code VARCHAR}/{@code CHAR_LENGTH} count them: an emoji is one character, not two UTF-16 units. Hence
 * {@link CodePointLength}, not {@code @Size}, and the length declared for the OpenAPI document next to it.
 */
@Schema(name = "NewIncident")
public record CreateIncidentRequest(
        @NotBlank @CodePointLength(max = CreateIncidentRequest.TITLE_MAX) @Schema(minLength = 1, maxLength = CreateIncidentRequest.TITLE_MAX, description = "not blank; at most 200 characters (code points)") String title,
        @CodePointLength(max = CreateIncidentRequest.DESCRIPTION_MAX) @Schema(maxLength = CreateIncidentRequest.DESCRIPTION_MAX, description = "at most 10,000 characters (code points); empty when left out") String description,
        @NotNull Severity severity) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
}
