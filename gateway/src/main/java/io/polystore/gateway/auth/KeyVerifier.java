package io.polystore.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.ratelimit.RateLimitKeys;
import io.polystore.gateway.routing.Upstreams;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Asks incident-service whether an API key is valid ({@code POST /internal/keys/verify}, with the gateway's service
 * token) and remembers the answer for at most {@code gateway.auth.cache-ttl} (5 s): an answer older than
 * {@code gateway.auth.refresh-after} is re-verified in the background while it keeps serving, so a revoked or
 * regenerated key is refused within 5 s and keys in use never wait. Keyed by SHA-256 of the key; at most
 * {@code gateway.auth.cache-size} answers. Concurrent requests with the same uncached key share one verification. A
 * verification that fails (incident-service unreachable, slow, or answering anything but 200/401) is not remembered:
 * the requests waiting for it get 503, the next one asks again. Such failures are logged at most once per 10 s.
 */
@Singleton
public class KeyVerifier {

    public static final String SERVICE = "incident-service";
    public static final String VERIFY_PATH = "/internal/keys/verify";
    static final String CACHE = "gateway.auth.cache";
    static final String VERIFICATIONS = "gateway.auth.verifications";
    /** The revocation bound the README promises: no answer is used longer. */
    static final Duration MAX_ANSWER_AGE = Duration.ofSeconds(5);

    private final WebClient client;
    private final String verifyUrl;
    private final long timeoutMillis;
    private final String namespace;
    private final GatewayConfig.Scope rateLimitScope;
    private final IdentityTokens tokens;
    private final long refreshAfterNanos;
    private final Counter refreshes;
    private final AsyncCache<KeyDigest, Identity> cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter accepted;
    private final Counter refused;
    private final Counter failed;
    private final OncePerInterval failureLog = new OncePerInterval(Duration.ofSeconds(10));

    KeyVerifier(Upstreams upstreams, GatewayConfig config, IdentityTokens tokens, MeterRegistry registry) {
        GatewayConfig.Auth auth = config.auth();
        GatewayConfig.Service service = config.services().get(SERVICE);
        if (service == null) {
            throw new IllegalStateException(
                    "gateway.services." + SERVICE + " must be configured: it verifies API keys");
        }
        // The proxy's own connection pool to incident-service: no second pool, the same connect timeout.
        this.client = WebClient.wrap(upstreams.client(SERVICE), new WebClientOptions()
                .setUserAgent("polystore-gateway-auth"));
        this.verifyUrl = join(service.url(), VERIFY_PATH);
        this.timeoutMillis = auth.verifyTimeout().toMillis();
        this.namespace = config.redis().namespace();
        this.rateLimitScope = config.rateLimit().scope();
        this.tokens = tokens;
        this.refreshAfterNanos = auth.refreshAfter().toNanos();
        long answerNanos = auth.cacheTtl().toNanos();
        if (auth.cacheTtl().compareTo(MAX_ANSWER_AGE) > 0 || auth.refreshAfter().compareTo(auth.cacheTtl()) >= 0) {
            throw new IllegalStateException("gateway.auth.cache-ttl must be at most " + MAX_ANSWER_AGE.toSeconds()
                    + " s (the revocation bound) and longer than gateway.auth.refresh-after");
        }
        this.cache = Caffeine.newBuilder()
                .maximumSize(auth.cacheSize())
                .expireAfter(new Expiry<KeyDigest, Identity>() {
                    @Override
                    public long expireAfterCreate(KeyDigest key, Identity identity, long now) {
                        // UNAVAILABLE expires at once: the requests that waited for it share it, later ones ask again
                        return identity.unavailable() ? 0 : answerNanos;
                    }

                    @Override
                    public long expireAfterUpdate(KeyDigest key, Identity identity, long now, long remaining) {
                        return expireAfterCreate(key, identity, now);
                    }

                    @Override
                    public long expireAfterRead(KeyDigest key, Identity identity, long now, long remaining) {
                        return remaining; // reading never extends: a revoked key stops within the TTL
                    }
                })
                // Bookkeeping runs on the calling thread: no pool threads, no hand-offs.
                .executor(Runnable::run)
                .buildAsync();
        this.hits = Counter.builder(CACHE).description("API-key lookups answered from the verification cache")
                .tag("result", "hit").register(registry);
        this.misses = Counter.builder(CACHE)
                .description("API-key lookups that had to ask incident-service (one per verification sent)")
                .tag("result", "miss").register(registry);
        this.refreshes = Counter.builder(CACHE)
                .description("Cached answers re-verified in the background while they kept serving")
                .tag("result", "refresh").register(registry);
        this.accepted = verifications(registry, "accepted");
        this.refused = verifications(registry, "refused");
        this.failed = verifications(registry, "error");
    }

    private static Counter verifications(MeterRegistry registry, String result) {
        return Counter.builder(VERIFICATIONS)
                .description("Answers to the gateway's key verifications: accepted, refused, error (no answer)")
                .tag("result", result).register(registry);
    }

    /**
     * The identity of a well-formed key, {@link Identity#REFUSED}, or {@link Identity#UNAVAILABLE} when
     * incident-service could not answer. Often already complete (a cache hit). Call on a Vert.x event loop; the future
     * may complete on another event loop. Never completes exceptionally.
     */
    public CompletableFuture<Identity> verify(String apiKey) {
        KeyDigest digest = KeyDigest.of(apiKey);
        CompletableFuture<Identity> known = cache.getIfPresent(digest);
        if (known != null) {
            hits.increment();
            Identity answer = known.getNow(null);
            if (answer != null && answer.claimRefresh(refreshAfterNanos)) {
                refresh(apiKey, digest, answer);
            }
            return known;
        }
        return cache.get(digest, (ignored, executor) -> {
            misses.increment();
            return ask(apiKey).otherwise(this::unavailable).toCompletionStage().toCompletableFuture();
        });
    }

    /**
     * Re-verifies an answer in use while it keeps serving. The raw key is the one of the request that found the answer
     * old, so none is kept in memory for it. An unchanged answer keeps its object (and signed token) and starts a new
     * period; a changed one replaces it; a failure leaves it to expire.
     */
    private void refresh(String apiKey, KeyDigest digest, Identity old) {
        refreshes.increment();
        ask(apiKey).onComplete(result -> {
            if (result.failed()) {
                old.refreshed(false);
                return;
            }
            Identity fresh = result.result();
            boolean unchanged = fresh.sameAs(old);
            old.refreshed(unchanged);
            cache.put(digest, CompletableFuture.completedFuture(unchanged ? old : fresh));
        });
    }

    /** Asks incident-service, bypassing the cache (the ops command line resolves keys this way). */
    public Future<Identity> ask(String apiKey) {
        return client.postAbs(verifyUrl)
                .connectTimeout(timeoutMillis)
                .timeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION.toString(), tokens.serviceAuthorization())
                .sendBuffer(new JsonObject().put("apiKey", apiKey).toBuffer())
                .transform(result -> {
                    if (result.failed()) {
                        failed.increment();
                        return Future.failedFuture(new VerificationUnavailable(
                                SERVICE + " did not answer the key verification: " + result.cause(), result.cause()));
                    }
                    return interpret(result.result());
                });
    }

    private Future<Identity> interpret(HttpResponse<Buffer> response) {
        if (response.statusCode() == 401 && response.getHeader("WWW-Authenticate") != null) {
            // incident-service refused the gateway itself (its service token), not the key: nothing is known
            failed.increment();
            return Future.failedFuture(new VerificationUnavailable(SERVICE + " refused the gateway's service token: "
                    + "check that its IDENTITY_PUBLIC_KEYS holds the public half of GATEWAY_IDENTITY_PRIVATE_KEY",
                    null));
        }
        if (response.statusCode() == 401) {
            refused.increment();
            return Future.succeededFuture(Identity.REFUSED);
        }
        if (response.statusCode() == 200) {
            try {
                JsonObject body = response.bodyAsJsonObject();
                Long keyId = body == null ? null : body.getLong("keyId");
                Long userId = body == null ? null : body.getLong("userId");
                JsonArray scopes = body == null ? null : body.getJsonArray("scopes");
                if (keyId != null && userId != null && keyId >= 0 && userId >= 0 && scopes != null) {
                    accepted.increment();
                    Set<String> granted = new HashSet<>();
                    scopes.forEach(scope -> granted.add(String.valueOf(scope)));
                    return Future.succeededFuture(Identity.of(keyId, userId, granted,
                            RateLimitKeys.windowSubject(keyId, userId, rateLimitScope), namespace));
                }
            } catch (RuntimeException malformed) {
                // reported below
            }
            failed.increment();
            return Future.failedFuture(new VerificationUnavailable(
                    SERVICE + " answered the key verification with 200 but no keyId/userId/scopes", null));
        }
        failed.increment();
        return Future.failedFuture(new VerificationUnavailable(
                SERVICE + " answered the key verification with HTTP " + response.statusCode(), null));
    }

    private Identity unavailable(Throwable failure) {
        long count = failureLog.occurred();
        if (count > 0) {
            Log.warnf("%d API-key verification(s) failed since the last report (those requests got 503): %s", count,
                    failure.getMessage());
        }
        return Identity.UNAVAILABLE;
    }

    /** Forgets every answer (tests; an operator would restart or wait for the TTL). */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    private static String join(URI base, String path) {
        String text = base.toString();
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
    }

    /** incident-service could not say whether a key is valid: authentication fails closed (503). */
    public static final class VerificationUnavailable extends RuntimeException {

        VerificationUnavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
