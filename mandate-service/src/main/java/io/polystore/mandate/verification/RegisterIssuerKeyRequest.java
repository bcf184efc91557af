package io.polystore.mandate.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterIssuerKey")
public record RegisterIssuerKeyRequest(
        @Schema(required = true, description = "The issuer DID the key signs for", examples = "did:web:bank.example") @NotNull @Size(max = 512) @Pattern(regexp = "did:[a-z0-9]+:\\S+", message = "must be a DID (did:method:identifier)") String issuerDid,
        @Schema(required = true, description = "A public JWK: Ed25519 (kty OKP) or P-256 (kty EC); private members are refused") @NotNull Map<String, Object> jwk) {
}
