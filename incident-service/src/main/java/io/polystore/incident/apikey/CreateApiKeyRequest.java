package io.polystore.incident.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * @param scopes
 *            optional; without it the new key gets the calling key's data scopes (never {@code keys:manage} unless
 *            named)
 */
public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, List<String> scopes) {
}
