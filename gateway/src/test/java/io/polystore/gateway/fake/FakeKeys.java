package io.polystore.gateway.fake;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.polystore.rest.identity.Scopes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API keys the fake incident-service knows, and its {@code POST /internal/keys/verify} with the real contract: 200
 * {@code {keyId, userId, keyName}} for an active key; 401 problem+json "invalid API key" for anything else (unknown,
 * regenerated, revoked, malformed, missing); 400 for a body that is not JSON. Keys have the real format.
 */
public final class FakeKeys {

    /** An issued key. */
    public record Key(long keyId, long userId, String name, String apiKey, List<String> scopes) {

        /** The secret part, which must never show up anywhere but in the caller's own request. */
        public String secret() {
            return apiKey.substring(apiKey.indexOf('.') + 1);
        }

        @Override
        public String toString() {
            return "Key[keyId=" + keyId + ", userId=" + userId + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Map<String, Key> ACTIVE = new ConcurrentHashMap<>();
    private static final AtomicInteger VERIFICATIONS = new AtomicInteger();
    private static volatile long delayMillis;

    /**
     * Valid in every class loader and every test (the same text each time); for tests that only need some valid key.
     * Its limit is the test default (very high).
     */
    public static final Key STANDARD = register(new Key(7, 70, "standard",
            "psk_standardKey0." + "fakeSecretOfTheStandardKeyUsedByGatewayTest", Scopes.KEY_SCOPES));

    private FakeKeys() {
    }

    private static Key register(Key key) {
        ACTIVE.put(key.apiKey(), key);
        return key;
    }

    /** A new key with a random id (ids never repeat across test classes that share one Redis). */
    public static Key issue(String name) {
        return issue(name, Scopes.KEY_SCOPES.toArray(String[]::new));
    }

    /** A new key with only these scopes. */
    public static Key issue(String name, String... scopes) {
        long keyId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
        return register(new Key(keyId, keyId + 1, name, newApiKey(), List.of(scopes)));
    }

    /** Another key of {@code owner}'s user, with every key scope. */
    public static Key issueSibling(Key owner, String name) {
        long keyId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
        return register(new Key(keyId, owner.userId(), name, newApiKey(), Scopes.KEY_SCOPES));
    }

    /** Gives the key a new secret and prefix; the old one is refused from now on, as in incident-service. */
    public static Key regenerate(Key key) {
        ACTIVE.remove(key.apiKey());
        return register(new Key(key.keyId(), key.userId(), key.name(), newApiKey(), key.scopes()));
    }

    public static void revoke(Key key) {
        ACTIVE.remove(key.apiKey());
    }

    /** A well-formed key that was never issued. */
    public static String unknown() {
        return newApiKey();
    }

    public static int verifications() {
        return VERIFICATIONS.get();
    }

    /** Every verification answers this much later (0: at once). */
    public static void delay(long millis) {
        delayMillis = millis;
    }

    static void verify(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            VERIFICATIONS.incrementAndGet();
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ey")) {
                // incident-service takes only a service token here (the contract test checks the real thing)
                answer(request, 401, problem(401, "Unauthorized", "a service token is required", request.path()));
                return;
            }
            Object apiKey;
            try {
                JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
                apiKey = json.getValue("apiKey");
            } catch (DecodeException | ClassCastException e) {
                answer(request, 400, problem(400, "Bad Request", "malformed JSON", request.path()));
                return;
            }
            Key key = apiKey instanceof String text ? ACTIVE.get(text) : null;
            if (key == null) {
                answer(request, 401, problem(401, "Unauthorized", "invalid API key", request.path()));
            } else {
                answer(request, 200, new JsonObject().put("keyId", key.keyId()).put("userId", key.userId())
                        .put("keyName", key.name()).put("scopes", new JsonArray(key.scopes())));
            }
        });
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        Runnable send = () -> request.response().setStatusCode(status)
                .putHeader("content-type", status == 200 ? "application/json" : "application/problem+json")
                .end(body.encode());
        long delay = delayMillis;
        if (delay > 0) {
            io.vertx.core.Vertx.currentContext().owner().setTimer(delay, id -> send.run());
        } else {
            send.run();
        }
    }

    private static JsonObject problem(int status, String title, String detail, String instance) {
        return new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
    }

    private static String newApiKey() {
        byte[] prefix = new byte[9];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        return "psk_" + BASE64URL.encodeToString(prefix) + "." + BASE64URL.encodeToString(secret);
    }
}
