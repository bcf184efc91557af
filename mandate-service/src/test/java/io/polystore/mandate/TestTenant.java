package io.polystore.mandate;

import static io.restassured.RestAssured.given;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant (platform user) calling through one API key, as the gateway would after verifying that key: with an identity
 * token signed by the test JVM's gateway key ({@code IdentityTestResource}), naming user, key and scopes.
 */
public record TestTenant(long userId, long keyId, Set<String> scopes, IdentitySigner signer) {

    /** Unique per test JVM and run, so tests never see each other's rows (the database outlives a run). */
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000);

    public static TestTenant create(IdentitySigner signer, String... scopes) {
        long id = NEXT.incrementAndGet();
        return new TestTenant(id, id, Set.of(scopes), signer);
    }

    public String tenantId() {
        return Long.toString(userId);
    }

    /** The same tenant through another key with other scopes. */
    public TestTenant withScopes(String... keyScopes) {
        return new TestTenant(userId, NEXT.incrementAndGet(), Set.of(keyScopes), signer);
    }

    public RequestSpecification request() {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION,
                signer.user(userId, keyId, Scopes.format(scopes)).authorization());
    }
}
