package io.polystore.mandate.mandate;

import io.polystore.mandate.verification.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON merge semantics: the fields given change, the others stay. */
@Schema(name = "UpdateMandate")
public record UpdateMandateRequest(
        @Schema(description = "active ⇄ suspended, either → revoked (final); see the README's transition table") MandateStatus status,
        @Schema(description = "1 to 200 characters") @Size(min = 1, max = 200) String scope,
        Money amountLimit,
        @Schema(minimum = "0", maximum = "365") @Min(0) @Max(365) Integer retentionDays) {

    boolean changesNothing() {
        return status == null && scope == null && amountLimit == null && retentionDays == null;
    }
}
