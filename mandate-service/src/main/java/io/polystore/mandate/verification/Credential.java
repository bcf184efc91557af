package io.polystore.mandate.verification;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.polystore.rest.problem.ProblemException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A mandate credential (JWT-VC, compact JWS) as submitted, parsed but not yet verified: the claims that fill the
 * mandate. {@code iss} is the issuer DID (required); the subject DID is {@code sub}, else
 * {@code vc.credentialSubject.id}; scope and amount limit come from {@code vc.credentialSubject} ({@code scope},
 * {@code amountLimit: {"amount": "100.00", "currency": "EUR"}}), else from top-level {@code scope} /
 * {@code amountLimit}; {@code exp} is the expiry, {@code nbf} the start.
 * <p>
 * A text that is no compact JWS with a JSON claims set, or whose claims cannot fill a mandate, is a 400 naming
 * {@code vcJwt}: nothing is stored. A well-formed one is stored whatever its verification says.
 */
public record Credential(SignedJWT jwt, String issuerDid, String subjectDid, String scope, Money amountLimit,
        Instant expiresAt, Instant notBefore) {

    static final String FIELD = "vcJwt";
    /** A mandate credential is a few kilobytes; a bigger one is refused before parsing. */
    public static final int MAX_LENGTH = 16_384;
    private static final int MAX_DID = 512;
    private static final int MAX_SCOPE = 200;

    public static Credential parse(String compact) {
        if (compact == null || compact.isBlank()) {
            throw ProblemException.badField(FIELD, "is required: the credential as a compact JWS");
        }
        if (compact.length() > MAX_LENGTH) {
            throw ProblemException.badField(FIELD, "is longer than " + MAX_LENGTH + " characters");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw ProblemException.badField(FIELD, "is not a signed JWT (compact JWS with a JSON claims set)");
        }
        try {
            String issuer = claims.getIssuer();
            if (issuer == null || !issuer.startsWith("did:") || issuer.length() > MAX_DID) {
                throw ProblemException.badField(FIELD, "needs iss: the issuer's DID (did:..., at most 512 characters)");
            }
            Map<String, Object> subject = credentialSubject(claims);
            String subjectDid = claims.getSubject() != null ? claims.getSubject() : text(subject.get("id"));
            if (subjectDid != null && (!subjectDid.startsWith("did:") || subjectDid.length() > MAX_DID)) {
                throw ProblemException.badField(FIELD,
                        "sub must be the subject's DID (did:..., at most 512 characters)");
            }
            String scope = text(subject.containsKey("scope") ? subject.get("scope") : claims.getClaim("scope"));
            if (scope != null && (scope.isBlank() || scope.length() > MAX_SCOPE)) {
                throw ProblemException.badField(FIELD, "scope must be 1 to " + MAX_SCOPE + " characters");
            }
            Object limit = subject.containsKey("amountLimit")
                    ? subject.get("amountLimit")
                    : claims.getClaim("amountLimit");
            return new Credential(jwt, issuer, subjectDid, scope, money(limit), instant(claims.getExpirationTime()),
                    instant(claims.getNotBeforeTime()));
        } catch (ParseException | ClassCastException e) {
            throw ProblemException.badField(FIELD, "has claims of the wrong type (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credentialSubject(JWTClaimsSet claims) throws ParseException {
        Map<String, Object> vc = claims.getJSONObjectClaim("vc");
        if (vc == null || !(vc.get("credentialSubject") instanceof Map<?, ?> subject)) {
            return Map.of();
        }
        return (Map<String, Object>) subject;
    }

    private static Money money(Object limit) {
        if (limit == null) {
            return null;
        }
        if (!(limit instanceof Map<?, ?> map)) {
            throw ProblemException.badField(FIELD,
                    "amountLimit must be {\"amount\": \"100.00\", \"currency\": \"EUR\"}");
        }
        Object amount = map.get("amount");
        try {
            return Money.of(amount == null ? null : amount.toString(), text(map.get("currency")), "amountLimit");
        } catch (ProblemException e) {
            throw ProblemException.badField(FIELD, "amountLimit: " + e.problem().detail());
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ClassCastException("a string was expected");
        }
        return text;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
