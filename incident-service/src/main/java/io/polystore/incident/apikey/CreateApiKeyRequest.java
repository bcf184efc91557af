package io.polystore.incident.apikey;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * @param name
 *            at most 100 characters, counted in code points as everywhere in this API
 * @param scopes
 *            optional; without it the new key gets the calling key's data scopes (never {@code keys:manage} unless
 *            named)
 */
@Schema(name = "NewApiKey")
public record CreateApiKeyRequest(
        @NotBlank @CodePointLength(max = CreateApiKeyRequest.NAME_MAX) @Schema(minLength = 1, maxLength = CreateApiKeyRequest.NAME_MAX, description = "what the key is for; not blank, at most 100 characters (code points)") String name,
        @Schema(description = "the new key's scopes, at most the calling key's; without it the calling key's data scopes (never keys:manage unless named)", minItems = 1) List<String> scopes) {

    public static final int NAME_MAX = 100;
}
