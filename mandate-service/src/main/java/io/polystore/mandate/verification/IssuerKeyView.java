package io.polystore.mandate.verification;

import io.polystore.mandate.store.Times;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IssuerKey", description = "A public key the tenant registered for an issuer DID.")
public record IssuerKeyView(@Schema(required = true) UUID id, @Schema(required = true) String issuerDid,
        @Schema(required = true, description = "RFC 7638 JWK thumbprint (SHA-256)") String thumbprint,
        @Schema(required = true, description = "The public JWK (Ed25519 OKP or P-256 EC)") Map<String, Object> jwk,
        @Schema(required = true) Instant createdAt) {

    static final String COLUMNS = "id, issuer_did, thumbprint, jwk, created_at";

    static IssuerKeyView of(Row row) {
        return new IssuerKeyView(row.getUUID("id"), row.getString("issuer_did"), row.getString("thumbprint"),
                new JsonObject(row.getString("jwk")).getMap(), Times.instant(row.getOffsetDateTime("created_at")));
    }
}
