package io.polystore.incident;

import static io.restassured.RestAssured.given;

import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A user with one API key, calling as the gateway would after verifying that key: with an identity token the gateway's
 * key signed, naming the user, the key and the key's scopes.
 */
public record TestCaller(long userId, long keyId, String apiKey, Set<String> scopes, IdentitySigner signer) {

    public TestCaller {
        scopes = Set.copyOf(scopes);
    }

    public RequestSpecification request() {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION, authorization());
    }

    /** {@code Bearer <token>}, as the gateway sends it. */
    public String authorization() {
        return signer.user(userId, keyId, Scopes.format(scopes)).authorization();
    }

    /** The same user calling through another of its keys, which carries {@code scopes}. */
    public TestCaller withKey(long otherKeyId, String otherApiKey, Collection<String> keyScopes) {
        return new TestCaller(userId, otherKeyId, otherApiKey, Set.copyOf(keyScopes), signer);
    }

    /**
     * The same user through a key issued by {@code POST /api/keys} (its answer's {@code keyId}, {@code apiKey},
     * scopes).
     */
    public TestCaller withKey(ExtractableResponse<?> issued) {
        List<String> keyScopes = issued.path("scopes");
        return withKey(((Number) issued.path("keyId")).longValue(), issued.path("apiKey"), keyScopes);
    }
}
