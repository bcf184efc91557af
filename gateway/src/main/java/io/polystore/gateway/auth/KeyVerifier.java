package io.polystore.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.routing.Upstreams;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Asks incident-service whether an API key is valid ({@code POST /internal/keys/verify}) and remembers the answer:
 * accepted keys for {@code gateway.auth.cache-ttl}, refused ones for {@code gateway.auth.negative-cache-ttl}. Keyed by
 * SHA-256 of the key; at most {@code gateway.auth.cache-size} answers. Concurrent requests with the same uncached key
 * share one verification. A verification that fails (incident-service unreachable, slow, or answering anything but
 * 200/401) is not remembered: the requests waiting for it get 503, the next one asks again. Such failures are logged at
 * most once per 10 s.
 */
@Singleton
public class KeyVerifier {

    public static final String SERVICE = "incident-service";
    public static final String VERIFY_PATH = "/internal/keys/verify";
    static final String CACHE = "gateway.auth.cache";
    static final String VERIFICATIONS = "gateway.auth.verifications";

    private final WebClient client;
    private final String verifyUrl;
    private final long timeoutMillis;
    private final String namespace;
    private final AsyncCache<KeyDigest, Identity> cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter accepted;
    private final Counter refused;
    private final Counter failed;
    private final OncePerInterval failureLog = new OncePerInterval(Duration.ofSeconds(10));

    KeyVerifier(Upstreams upstreams, GatewayConfig config, MeterRegistry registry) {
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
        long acceptedNanos = auth.cacheTtl().toNanos();
        long refusedNanos = auth.negativeCacheTtl().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(auth.cacheSize())
                .expireAfter(new Expiry<KeyDigest, Identity>() {
                    @Override
                    public long expireAfterCreate(KeyDigest key, Identity identity, long now) {
                        // UNAVAILABLE expires at once: the requests that waited for it share it, later ones ask again
                        return identity.accepted() ? acceptedNanos : identity.unavailable() ? 0 : refusedNanos;
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
            return known;
        }
        return cache.get(digest, (ignored, executor) -> {
            misses.increment();
            return ask(apiKey).otherwise(this::unavailable).toCompletionStage().toCompletableFuture();
        });
    }

    /** Asks incident-service, bypassing the cache (the ops command line resolves keys this way). */
    public Future<Identity> ask(String apiKey) {
        return client.postAbs(verifyUrl)
                .connectTimeout(timeoutMillis)
                .timeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
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
        if (response.statusCode() == 401) {
            refused.increment();
            return Future.succeededFuture(Identity.REFUSED);
        }
        if (response.statusCode() == 200) {
            try {
                JsonObject body = response.bodyAsJsonObject();
                Long keyId = body == null ? null : body.getLong("keyId");
                Long userId = body == null ? null : body.getLong("userId");
                if (keyId != null && userId != null && keyId >= 0 && userId >= 0) {
                    accepted.increment();
                    return Future.succeededFuture(Identity.of(keyId, userId, namespace));
                }
            } catch (RuntimeException malformed) {
                // reported below
            }
            failed.increment();
            return Future.failedFuture(new VerificationUnavailable(
                    SERVICE + " answered the key verification with 200 but no keyId/userId", null));
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
