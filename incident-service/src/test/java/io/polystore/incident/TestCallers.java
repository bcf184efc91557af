package io.polystore.incident;

import io.polystore.incident.apikey.ApiKeyService;
import io.polystore.incident.apikey.IssuedApiKey;
import io.polystore.incident.user.NewUser;
import io.polystore.incident.user.UserService;
import io.polystore.incident.user.UserView;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Makes fresh users with a key through the real services, so each test owns its data. */
@ApplicationScoped
public class TestCallers {

    private final UserService users;
    private final ApiKeyService keys;

    TestCallers(UserService users, ApiKeyService keys) {
        this.users = users;
        this.keys = keys;
    }

    public TestCaller create() {
        try {
            UserView user = VertxContextSupport.subscribeAndAwait(
                    () -> users.create(new NewUser("user-" + UUID.randomUUID() + "@example.com", "Test User")));
            IssuedApiKey key = VertxContextSupport.subscribeAndAwait(() -> keys.create(user.id(), "test key"));
            return new TestCaller(user.id(), key.keyId(), key.apiKey());
        } catch (Throwable e) {
            throw new IllegalStateException("could not create a test caller", e);
        }
    }
}
