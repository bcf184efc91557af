package io.polystore.incident;

import static io.restassured.RestAssured.given;

import io.polystore.incident.apikey.ApiKeyService;
import io.polystore.incident.apikey.IssuedApiKey;
import io.polystore.incident.user.NewUser;
import io.polystore.incident.user.UserService;
import io.polystore.incident.user.UserView;
import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes fresh users with a key through the real services, so each test owns its data, and signs identity tokens with
 * the test JVM's gateway key ({@code IdentityTestResource}), as the gateway does.
 */
@ApplicationScoped
public class TestCallers {

    private final UserService users;
    private final ApiKeyService keys;
    private final IdentitySigner signer;

    TestCallers(UserService users, ApiKeyService keys, IdentityConfig identity) {
        this.users = users;
        this.keys = keys;
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    /** A user whose key can do everything a key can: every data scope and {@code keys:manage}. */
    public TestCaller create() {
        return create(Scopes.KEY_SCOPES);
    }

    /** A user whose key carries exactly {@code scopes}. */
    public TestCaller create(Collection<String> scopes) {
        Set<String> keyScopes = new LinkedHashSet<>(scopes);
        try {
            UserView user = VertxContextSupport.subscribeAndAwait(
                    () -> users.create(new NewUser("user-" + UUID.randomUUID() + "@example.com", "Test User")));
            IssuedApiKey key = VertxContextSupport.subscribeAndAwait(
                    () -> keys.create(user.id(), "test key", keyScopes));
            return new TestCaller(user.id(), key.keyId(), key.apiKey(), keyScopes, signer);
        } catch (Throwable e) {
            throw new IllegalStateException("could not create a test caller", e);
        }
    }

    public IdentitySigner signer() {
        return signer;
    }

    /** {@code Bearer <token>} of a service token, as the gateway sends to {@code /internal/**}. */
    public String serviceAuthorization() {
        return signer.service("gateway").authorization();
    }

    /** {@code POST /internal/keys/verify}, as the gateway asks it. */
    public Response verify(String apiKey) {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION, serviceAuthorization())
                .body(Map.of("apiKey", apiKey)).post("/internal/keys/verify");
    }
}
