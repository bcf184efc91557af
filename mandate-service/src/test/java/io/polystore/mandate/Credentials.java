package io.polystore.mandate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.polystore.mandate.verification.DidKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Issuers with keys generated in the test, and the mandate credentials (JWT-VC) they sign. */
public final class Credentials {

    private Credentials() {
    }

    /** An issuer: its private key and its DID (a did:key of the public key, unless given another DID). */
    public record Issuer(JWK key, String did) {

        public static Issuer ed25519() {
            try {
                OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
                return new Issuer(key, DidKey.of(key.toPublicJWK()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Issuer p256() {
            try {
                ECKey key = new ECKeyGenerator(Curve.P_256).generate();
                return new Issuer(key, DidKey.of(key.toPublicJWK()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same key under another DID (one that carries no key, e.g. did:web). */
        public Issuer as(String otherDid) {
            return new Issuer(key, otherDid);
        }

        public Map<String, Object> publicJwk() {
            return key.toPublicJWK().toJSONObject();
        }

        /** A mandate credential for {@code subjectDid}, valid until {@code expiresAt}. */
        public String sign(String subjectDid, String scope, String amount, String currency, Instant expiresAt) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(did).subject(subjectDid)
                    .issueTime(Date.from(Instant.now())).expirationTime(Date.from(expiresAt))
                    .claim("vc", Map.of("type", java.util.List.of("VerifiableCredential", "PaymentMandate"),
                            "credentialSubject", Map.of("id", subjectDid, "scope", scope, "amountLimit",
                                    Map.of("amount", amount, "currency", currency))))
                    .build();
            return sign(claims);
        }

        public String sign(JWTClaimsSet claims) {
            try {
                JWSSigner signer;
                JWSAlgorithm algorithm;
                if (key instanceof OctetKeyPair okp) {
                    signer = new Ed25519Signer(okp);
                    algorithm = JWSAlgorithm.EdDSA;
                } else {
                    signer = new ECDSASigner((ECKey) key);
                    algorithm = JWSAlgorithm.ES256;
                }
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(did).build(), claims);
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
