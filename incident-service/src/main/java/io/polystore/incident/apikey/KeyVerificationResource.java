package io.polystore.incident.apikey;

import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the gateway only: it is never routed from outside, and as every {@code /internal/**} path it takes only a service
 * token (rest-support's {@code CallerFilter}). Answers 200 with the key's identity and scopes, or 401 with the same
 * words for every kind of bad key. Not in the OpenAPI document, which describes the API clients call through the
 * gateway.
 */
@Path("/internal/keys/verify")
public class KeyVerificationResource {

    private final ApiKeyService service;

    KeyVerificationResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Operation(hidden = true)
    public Uni<VerifiedKey> verify(VerifyKeyRequest request) {
        String apiKey = request == null ? null : request.apiKey();
        return service.verify(apiKey)
                .map(found -> found.orElseThrow(() -> ProblemException.unauthorized("invalid API key")));
    }
}
