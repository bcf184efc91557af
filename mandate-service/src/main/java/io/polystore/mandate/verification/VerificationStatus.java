package io.polystore.mandate.verification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The outcome of checking a mandate's credential: {@code VALID} (signature verified with the issuer's key, inside its
 * validity period), {@code INVALID} (a key of the issuer was found but the signature or the period fails; the reason
 * says which), {@code UNVERIFIED} (no key is known for the issuer: not a did:key, and the tenant registered none).
 */
public enum VerificationStatus {
    VALID, INVALID, UNVERIFIED;

    @JsonValue
    public String value() {
        return name();
    }
}
