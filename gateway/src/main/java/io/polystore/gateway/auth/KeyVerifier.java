package io.polystore.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.support.CircuitBreaker;
import io.polystore.gateway.support.OncePerInterval;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks incident-service whether an API key is valid ({@code POST /internal/keys/verify}, with the gateway's service
 * token) and remembers the answer for at most {@code gateway.auth.cache-ttl} (5 s): an answer older than
 * {@code gateway.auth.refresh-after} is re-verified in the background while it keeps serving, so a revoked or
 * regenerated key is refused within 5 s and keys in use never wait. Keyed by SHA-256 of the key; at most
 * {@code gateway.auth.cache-size} answers. Concurrent requests with the same uncached key share one verification.
 * <p>
 * Verifications have a connection pool of their own (never the proxy's, so busy {@code /api/incidents} traffic cannot
 * delay them), at most {@code gateway.auth.verify-max-in-flight} at once, a deadline ({@code verify-timeout}, from
 * asking to the last byte of the answer) and a circuit breaker: after {@code breaker-failures} failures in a row,
 * uncached keys get 503 at once for {@code breaker-open-for}, then one verification probes. A verification that fails
 * (incident-service unreachable, slow, or answering anything but 200/401) is not remembered: the requests waiting for
 * it get 503, the next one asks again. Failures are logged at most once per 10 s. Nothing here blocks.
 */
@Singleton
public class KeyVerifier {

    public static final String SERVICE = "incident-service";
    public static final String VERIFY_PATH = "/internal/keys/verify";
    static final String CACHE = "gateway.auth.cache";
    static final String VERIFICATIONS = "gateway.auth.verifications";
    /** The revocation bound the README promises: no answer is used longer. */
    static final Duration MAX_ANSWER_AGE = Duration.ofSeconds(5);
    /** A verify answer is a few hundred bytes; anything far larger is not incident-service's answer. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions verifyRequest;
    private final long timeoutMillis;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CircuitBreaker breaker;
    private final IdentityTokens tokens;
    private final long refreshAfterNanos;
    private final Counter refreshes;
    private final AsyncCache<KeyDigest, Identity> cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter accepted;
    private final Counter refused;
    private final Counter failed;
    private final Counter shed;
    private final Counter circuitOpen;
    private final OncePerInterval failureLog = new OncePerInterval(Duration.ofSeconds(10));

    KeyVerifier(Vertx vertx, GatewayConfig config, IdentityTokens tokens, MeterRegistry registry) {
        GatewayConfig.Auth auth = config.auth();
        GatewayConfig.Service service = config.services().get(SERVICE);
        if (service == null) {
            throw new IllegalStateException(
                    "gateway.services." + SERVICE + " must be configured: it verifies API keys");
        }
        if (auth.verifyMaxConnections() < 1 || auth.verifyMaxInFlight() < 1) {
            throw new IllegalStateException(
                    "gateway.auth.verify-max-connections and gateway.auth.verify-max-in-flight must be at least 1");
        }
        this.vertx = vertx;
        this.timeoutMillis = auth.verifyTimeout().toMillis();
        this.maxInFlight = auth.verifyMaxInFlight();
        URI url = service.url();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        // A pool of its own, small: verifications are one small request per uncached key.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(https)
                .setKeepAlive(true)
                .setConnectTimeout(Math.toIntExact(timeoutMillis)),
                new PoolOptions().setHttp1MaxSize(auth.verifyMaxConnections())
                        .setMaxWaitQueueSize(auth.verifyMaxInFlight()));
        this.verifyRequest = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : https ? 443 : 80)
                .setURI(join(url, VERIFY_PATH))
                // bounds the wait for a pooled connection and the connect itself; the deadline bounds the rest
                .setConnectTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.USER_AGENT, "polystore-gateway-auth");
        this.breaker = new CircuitBreaker(auth.breakerFailures(), auth.breakerOpenFor());
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
        this.shed = verifications(registry, "shed");
        this.circuitOpen = verifications(registry, "circuit_open");
        Gauge.builder("gateway.auth.verifications.in.flight", inFlight, AtomicInteger::get)
                .description("Key verifications sent to incident-service and not answered yet").register(registry);
        Gauge.builder("gateway.auth.breaker.open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the verification circuit breaker is open or probing").register(registry);
    }

    private static Counter verifications(MeterRegistry registry, String result) {
        return Counter.builder(VERIFICATIONS)
                .description("Key verifications: accepted, refused, error (no usable answer), shed (too many in "
                        + "flight, not sent), circuit_open (breaker open, not sent)")
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

    /**
     * Asks incident-service, bypassing the cache (the ops command line resolves keys this way). Fails with
     * {@link VerificationUnavailable} when incident-service gives no usable answer within the deadline, when too many
     * verifications are in flight, or while the breaker is open.
     */
    public Future<Identity> ask(String apiKey) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            return Future.failedFuture(new VerificationUnavailable(
                    maxInFlight + " key verifications are in flight already; not asking " + SERVICE, null));
        }
        if (!breaker.tryAcquire()) {
            inFlight.decrementAndGet();
            circuitOpen.increment();
            return Future.failedFuture(new VerificationUnavailable(
                    "the circuit breaker is open after repeated failures of " + SERVICE + "; not asking", null));
        }
        Promise<Identity> answer = Promise.promise();
        Buffer body = new JsonObject().put("apiKey", apiKey).toBuffer();
        String authorization = tokens.serviceAuthorization();
        if (Vertx.currentContext() != null) {
            exchange(body, authorization, answer);
        } else {
            // The ops command line asks from a thread of its own: the exchange runs on a Vert.x context, so that every
            // callback is in place before the response (and its body) arrives on it.
            vertx.getOrCreateContext().runOnContext(ignored -> exchange(body, authorization, answer));
        }
        return answer.future().transform(result -> {
            inFlight.decrementAndGet();
            if (result.succeeded()) {
                breaker.succeeded();
                return Future.succeededFuture(result.result());
            }
            breaker.failed();
            failed.increment();
            Throwable cause = result.cause();
            return Future.failedFuture(cause instanceof VerificationUnavailable
                    ? cause
                    : new VerificationUnavailable(SERVICE + " did not answer the key verification: " + cause, cause));
        });
    }

    /** One verification request, its deadline, and its answer into {@code answer}; on a Vert.x context. */
    private void exchange(Buffer body, String authorization, Promise<Identity> answer) {
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long deadline = vertx.setTimer(timeoutMillis, id -> {
            if (answer.tryFail(new TimeoutException("no answer within " + timeoutMillis + " ms"))) {
                HttpClientRequest request = sent[0];
                if (request != null) {
                    request.reset(0, new TimeoutException("verification deadline"));
                }
            }
        });
        client.request(new RequestOptions(verifyRequest).putHeader(HttpHeaders.AUTHORIZATION, authorization))
                .compose(request -> {
                    sent[0] = request;
                    if (answer.future().isComplete()) {
                        request.reset();
                        return Future.failedFuture("verification deadline passed");
                    }
                    // the body is read in a callback on the send future itself, set before the response can arrive
                    return request.send(body).compose(this::readAnswer);
                })
                .onComplete(result -> {
                    vertx.cancelTimer(deadline);
                    if (result.succeeded()) {
                        answer.tryComplete(result.result());
                    } else {
                        answer.tryFail(result.cause());
                    }
                });
    }

    private Future<Identity> readAnswer(HttpClientResponse response) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() > 7) {
            response.request().reset();
            return Future.failedFuture(new VerificationUnavailable(
                    SERVICE + " answered the key verification with a body of " + length + " bytes", null));
        }
        return response.body().compose(buffer -> interpret(response, buffer));
    }

    private Future<Identity> interpret(HttpClientResponse response, Buffer body) {
        if (response.statusCode() == 401 && response.getHeader("WWW-Authenticate") != null) {
            // incident-service refused the gateway itself (its service token), not the key: nothing is known
            return Future.failedFuture(new VerificationUnavailable(SERVICE + " refused the gateway's service token: "
                    + "check that its IDENTITY_PUBLIC_KEYS holds the public half of GATEWAY_IDENTITY_PRIVATE_KEY",
                    null));
        }
        if (response.statusCode() == 401) {
            refused.increment();
            return Future.succeededFuture(Identity.REFUSED);
        }
        if (response.statusCode() == 200 && body.length() <= MAX_ANSWER_BYTES) {
            try {
                JsonObject json = body.toJsonObject();
                Long keyId = json.getLong("keyId");
                Long userId = json.getLong("userId");
                JsonArray scopes = json.getJsonArray("scopes");
                if (keyId != null && userId != null && keyId >= 0 && userId >= 0 && scopes != null) {
                    accepted.increment();
                    Set<String> granted = new HashSet<>();
                    scopes.forEach(scope -> granted.add(String.valueOf(scope)));
                    return Future.succeededFuture(Identity.of(keyId, userId, granted));
                }
            } catch (RuntimeException malformed) {
                // reported below
            }
            return Future.failedFuture(new VerificationUnavailable(
                    SERVICE + " answered the key verification with 200 but no keyId/userId/scopes", null));
        }
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

    /** Closes the breaker, as a successful verification would (tests: one test's outage is not the next one's). */
    public void resetBreaker() {
        breaker.succeeded();
    }

    /** The breaker's state (tests, metrics). */
    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static String join(URI base, String path) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        return (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + path;
    }

    /** incident-service could not say whether a key is valid: authentication fails closed (503). */
    public static final class VerificationUnavailable extends RuntimeException {

        VerificationUnavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
