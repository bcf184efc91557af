package io.polystore.session;

import static io.restassured.RestAssured.given;

import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.atomic.AtomicLong;

/** Users calling as the gateway would after verifying their key: a fresh user id per call of {@link #next}. */
@ApplicationScoped
public class TestUsers {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L + 1_000);

    private final IdentitySigner signer;

    TestUsers(IdentityConfig identity) {
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    public long next() {
        return NEXT.incrementAndGet();
    }

    /** A request of {@code userId} through a key with the scopes sessions and catalog. */
    public RequestSpecification as(long userId) {
        return as(userId, Scopes.SESSIONS + " " + Scopes.CATALOG);
    }

    public RequestSpecification as(long userId, String scopes) {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION, authorization(userId, scopes));
    }

    public String authorization(long userId, String scopes) {
        return signer.user(userId, 1, scopes).authorization();
    }
}
