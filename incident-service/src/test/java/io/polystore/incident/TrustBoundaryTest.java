package io.polystore.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.polystore.devstack.IdentityKeyPair;
import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentityKeys;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.IdentityVerifier;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service believes only the gateway's signed identity token: no header a client can set, no token signed with
 * another key, expired or meant for someone else. {@code /internal/**} takes service tokens only, {@code /api/**} user
 * tokens only.
 */
@QuarkusTest
class TrustBoundaryTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestCallers callers;

    @Inject
    IdentityConfig identity;

    @Test
    void spoofedIdentityHeadersWithoutATokenAre401() {
        TestCaller victim = callers.create();
        refused(spoofing(victim).get("/api/incidents"));
        refused(spoofing(victim).body(Map.of("title", "spoofed", "severity", "low")).post("/api/incidents"));
        refused(spoofing(victim).get("/api/keys"));
        refused(spoofing(victim).body(Map.of("name", "stolen")).post("/api/keys"));
        victim.request().get("/api/incidents").then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void headersNeverOverrideTheTokensIdentity() {
        TestCaller caller = callers.create();
        TestCaller other = callers.create();
        int theirs = other.request().body(Map.of("title", "not yours", "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        caller.request().header("X-Polystore-User-Id", other.userId()).header("X-Polystore-Key-Id", other.keyId())
                .get("/api/incidents/" + theirs).then().statusCode(404);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        TestCaller caller = callers.create();
        IdentitySigner stranger = IdentitySigner.of(
                IdentityKeys.privateKey(IdentityKeyPair.generate().privateKeyPem()), Duration.ofSeconds(60),
                Duration.ofSeconds(20), Clock.systemUTC());
        refused(withToken(stranger.user(caller.userId(), caller.keyId(), Scopes.format(caller.scopes()))
                .authorization()).get("/api/incidents"));
    }

    @Test
    void anExpiredTokenIs401() {
        TestCaller caller = callers.create();
        IdentitySigner past = IdentitySigner.of(IdentityKeys.privateKey(identity.privateKey().orElseThrow()),
                Duration.ofSeconds(60), Duration.ofSeconds(20),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        refused(withToken(past.user(caller.userId(), caller.keyId(), Scopes.format(caller.scopes())).authorization())
                .get("/api/incidents"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        TestCaller caller = callers.create();
        withToken(handMade(caller, IdentityConfig.AUDIENCE)).get("/api/incidents").then().statusCode(200);
        refused(withToken(handMade(caller, "some-other-system")).get("/api/incidents"));
    }

    @Test
    void internalVerificationTakesOnlyAServiceToken() {
        TestCaller caller = callers.create();
        Map<String, String> body = Map.of("apiKey", caller.apiKey());
        refused(given().contentType(ContentType.JSON).body(body).post("/internal/keys/verify"));
        refused(withToken(caller.authorization()).body(body).post("/internal/keys/verify"));
        withToken(callers.serviceAuthorization()).body(body).post("/internal/keys/verify")
                .then().statusCode(200)
                .body("keyId", is((int) caller.keyId()))
                .body("userId", is((int) caller.userId()))
                .body("scopes", contains(Scopes.KEY_SCOPES.toArray()));
    }

    @Test
    void aServiceTokenOpensNoUserPath() {
        refused(withToken(callers.serviceAuthorization()).get("/api/incidents"));
        refused(withToken(callers.serviceAuthorization()).get("/api/keys"));
    }

    @Test
    void xForwardedPrefixDoesNotSteerLocation() {
        TestCaller caller = callers.create();
        var created = caller.request().header("X-Forwarded-Prefix", "/evil")
                .body(Map.of("title", "where am I", "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract();
        String location = created.header("Location");
        assertEquals("/api/incidents/" + created.path("id"), URI.create(location).getPath(), location);
        assertFalse(location.contains("evil"), location);

        var key = caller.request().header("X-Forwarded-Prefix", "/evil").body(Map.of("name", "located"))
                .post("/api/keys").then().statusCode(201).extract();
        assertEquals("/api/keys/" + key.path("keyId"), URI.create(key.header("Location")).getPath());
    }

    /** What a client reaching the service directly could send, as the gateway once did. */
    private static RequestSpecification spoofing(TestCaller victim) {
        return given().contentType(ContentType.JSON).header("X-Polystore-User-Id", victim.userId())
                .header("X-Polystore-Key-Id", victim.keyId());
    }

    private static RequestSpecification withToken(String authorization) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization);
    }

    private static ValidatableResponse refused(io.restassured.response.Response response) {
        return response.then().statusCode(401).contentType(PROBLEM).body("status", is(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    /** A token built by hand with the gateway's key, as IdentitySigner builds it but for {@code audience}. */
    private String handMade(TestCaller caller, String audience) {
        IdentitySigner signer = callers.signer();
        Instant now = Instant.now();
        String token = Jwt.issuer(IdentityConfig.ISSUER)
                .audience(audience)
                .subject(Long.toString(caller.userId()))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plusSeconds(60).getEpochSecond())
                .claim(IdentityVerifier.KEY_ID_CLAIM, caller.keyId())
                .claim(IdentityVerifier.SCOPE_CLAIM, Scopes.format(caller.scopes()))
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(signer.kid())
                .sign(IdentityKeys.privateKey(identity.privateKey().orElseThrow()));
        return "Bearer " + token;
    }
}
