package io.polystore.mandate.verification;

import java.time.Instant;

/** What checking a credential found, at {@code verifiedAt}; {@code reason} says why it is not VALID. */
public record Verification(VerificationStatus status, String reason, Instant verifiedAt) {

    static final int MAX_REASON = 500;

    public Verification {
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
    }

    public boolean invalid() {
        return status == VerificationStatus.INVALID;
    }
}
