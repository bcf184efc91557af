package io.polystore.mandate.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.polystore.mandate.store.Times;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a credential's signature with nimbus-jose-jwt (Ed25519 through Tink, ES256 through the JDK): against the key
 * inside a {@code did:key} issuer, and against the JWKs the tenant registered for the issuer DID. Then its period:
 * {@code exp} must lie ahead, {@code nbf} not more than {@link #SKEW} ahead. Pure computation (no I/O): the caller
 * loads the registered keys.
 */
@ApplicationScoped
public class CredentialVerifier {

    /** Clock difference tolerated for {@code nbf} between the issuer and this service. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final Clock clock;

    CredentialVerifier(Clock clock) {
        this.clock = clock;
    }

    public Verification verify(Credential credential, List<JWK> registeredKeys) {
        Instant now = Times.now(clock);
        List<JWK> keys = new ArrayList<>();
        if (DidKey.isDidKey(credential.issuerDid())) {
            try {
                keys.add(DidKey.publicKey(credential.issuerDid()));
            } catch (IllegalArgumentException e) {
                return new Verification(VerificationStatus.INVALID, "issuer did:key: " + e.getMessage(), now);
            }
        }
        keys.addAll(registeredKeys);
        if (keys.isEmpty()) {
            return new Verification(VerificationStatus.UNVERIFIED, "no key is known for issuer "
                    + credential.issuerDid() + ": it is not a did:key and no JWK is registered for it", now);
        }
        if (!keys.stream().anyMatch(key -> signatureVerifies(credential, key))) {
            return new Verification(VerificationStatus.INVALID, "the signature (" + credential.jwt().getHeader()
                    .getAlgorithm() + ") does not verify with any key of issuer " + credential.issuerDid(), now);
        }
        if (credential.expiresAt() != null && !credential.expiresAt().isAfter(now)) {
            return new Verification(VerificationStatus.INVALID, "the credential expired at " + credential.expiresAt(),
                    now);
        }
        if (credential.notBefore() != null && credential.notBefore().isAfter(now.plus(SKEW))) {
            return new Verification(VerificationStatus.INVALID,
                    "the credential is not valid before " + credential.notBefore(), now);
        }
        return new Verification(VerificationStatus.VALID, null, now);
    }

    private static boolean signatureVerifies(Credential credential, JWK key) {
        try {
            JWSVerifier verifier = verifierFor(key);
            return verifier != null && verifier.supportedJWSAlgorithms()
                    .contains(credential.jwt().getHeader().getAlgorithm()) && credential.jwt().verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /** Ed25519 (OKP) and P-256 (EC) only: the key types of did:key that this service resolves. */
    static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return new Ed25519Verifier(okp.toPublicJWK());
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        return null;
    }
}
