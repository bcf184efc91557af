package io.polystore.payment;

import static io.restassured.RestAssured.given;

import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Callers as the gateway presents them: each {@link #next()} is a fresh user with one API key (an identity token signed
 * with the test JVM's gateway key), so each test owns its payments. payment-service keeps no users: the token is the
 * whole identity.
 */
@ApplicationScoped
public class Payers {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final IdentitySigner signer;

    Payers(IdentityConfig identity) {
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    public Payer next() {
        return new Payer(IDS.incrementAndGet(), IDS.incrementAndGet(), signer);
    }

    public record Payer(long userId, long keyId, IdentitySigner signer) {

        public RequestSpecification request() {
            return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION,
                    signer.user(userId, keyId, Scopes.PAYMENTS).authorization());
        }
    }

    /** A valid create body: 990.00 EUR expected and received; {@code overrides} replace or add fields. */
    public static Map<String, Object> payment(Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("payerName", "Ada Payer", "email",
                "ada@example.com", "amount", "990.00", "amountReceived", "990.00", "currency", "EUR"));
        body.putAll(overrides);
        return body;
    }
}
