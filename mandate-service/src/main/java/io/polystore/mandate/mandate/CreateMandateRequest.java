package io.polystore.mandate.mandate;

import io.polystore.mandate.verification.Credential;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateMandate")
public record CreateMandateRequest(
        @Schema(required = true, description = "The mandate credential: a JWT-VC as compact JWS, signed by the issuer (iss, a DID)") @NotNull @Size(min = 1, max = Credential.MAX_LENGTH) String vcJwt,
        @Schema(description = "One of the tenant's customers (id from /api/customers)") @Positive Long customerId,
        @Schema(description = "Days a deleted mandate is kept before it is purged", minimum = "0", maximum = "365", defaultValue = "90") @Min(0) @Max(365) Integer retentionDays) {
}
