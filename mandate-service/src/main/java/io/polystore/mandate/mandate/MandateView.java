package io.polystore.mandate.mandate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.polystore.mandate.verification.Money;
import io.polystore.mandate.verification.VerificationStatus;
import io.polystore.rest.concurrency.IfMatch;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mandate as the API answers it; its version travels as the ETag, not in the body. */
@Schema(name = "Mandate")
public record MandateView(@Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The tenant's customer who granted it") Long customerId,
        @Schema(required = true, description = "The credential as submitted (compact JWS)") String vcJwt,
        @Schema(required = true) String issuerDid,
        @Schema(required = true, nullable = true) String subjectDid,
        @Schema(required = true, nullable = true) String scope,
        @Schema(required = true, nullable = true) Money amountLimit,
        @Schema(required = true, nullable = true) Instant expiresAt,
        @Schema(required = true) MandateStatus status,
        @Schema(required = true, minimum = "0", maximum = "365", description = "Days a deleted mandate is kept before it is purged") int retentionDays,
        @Schema(required = true) VerificationStatus verificationStatus,
        @Schema(required = true, nullable = true, description = "Why it is not VALID") String verificationReason,
        @Schema(required = true, nullable = true) Instant verifiedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, nullable = true) Instant deletedAt,
        @JsonIgnore @Schema(hidden = true) long version) {

    public static MandateView of(Mandate mandate) {
        return new MandateView(mandate.id(), mandate.customerId(), mandate.vcJwt(), mandate.issuerDid(),
                mandate.subjectDid(), mandate.scope(), mandate.amountLimit(), mandate.expiresAt(), mandate.status(),
                mandate.retentionDays(), mandate.verificationStatus(), mandate.verificationReason(),
                mandate.verifiedAt(), mandate.createdAt(), mandate.updatedAt(), mandate.deletedAt(),
                mandate.version());
    }

    public String etag() {
        return IfMatch.etag(version);
    }
}
