package io.polystore.gateway.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.auth.ApiKeys;
import io.polystore.gateway.auth.Identity;
import io.polystore.gateway.auth.IdentityTokens;
import io.polystore.gateway.auth.KeyVerifier;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.ratelimit.Decision;
import io.polystore.gateway.ratelimit.RateLimiter;
import io.polystore.gateway.routing.ProxyRoutes;
import io.polystore.gateway.routing.Rejections;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs before the proxy on every {@code /api/**} request: authenticates the API key, hands the services the caller's
 * identity, and applies the key's rate limit. Nothing here blocks; a request goes asynchronous only on a verification
 * cache miss and for the one Redis command of its rate-limit decision, and is paused meanwhile so no body byte is lost.
 */
@Singleton
public class AccessFilter {

    /** Just before the proxy routes. */
    public static final int ORDER = ProxyRoutes.PROXY_ORDER - 1;

    public static final CharSequence LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    public static final CharSequence REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    public static final CharSequence RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    public static final CharSequence WINDOW = HttpHeaders.createOptimized("X-RateLimit-Window");
    static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
    static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    static final String IDENTITY_PREFIX = "x-polystore-";
    static final String DECISIONS = "gateway.auth.decisions";
    /** The same words for every refused key: nothing tells whether it ever existed. */
    static final String UNAUTHORIZED_DETAIL = "A valid API key is required (X-API-Key or Authorization: Bearer)";
    /** Metrics name rejected requests by this route, never by their path. */
    static final String ROUTE = "/api/*";

    private final boolean authEnabled;
    private final KeyVerifier verifier;
    private final IdentityTokens tokens;
    private final RouteScopes routeScopes;
    private final Counter forbidden;
    private final Counter ambiguous;
    private final RateLimiter limiter;
    private final Counter authenticated;
    private final Counter missing;
    private final Counter invalid;
    private final Counter unavailable;

    AccessFilter(GatewayConfig config, KeyVerifier verifier, IdentityTokens tokens, RateLimiter limiter,
            MeterRegistry registry) {
        this.authEnabled = config.auth().enabled();
        this.verifier = verifier;
        this.tokens = tokens;
        this.routeScopes = RouteScopes.of(config);
        this.limiter = limiter;
        this.authenticated = decisions(registry, "authenticated");
        this.missing = decisions(registry, "missing");
        this.invalid = decisions(registry, "invalid");
        this.unavailable = decisions(registry, "unavailable");
        this.forbidden = decisions(registry, "forbidden");
        this.ambiguous = decisions(registry, "ambiguous");
    }

    private static Counter decisions(MeterRegistry registry, String result) {
        return Counter.builder(DECISIONS)
                .description("API-key checks of /api requests: authenticated, missing (no key), invalid (malformed "
                        + "or refused by incident-service), unavailable (incident-service could not say: 503), "
                        + "forbidden (the key lacks the route's scope: 403), ambiguous (two credentials: 400)")
                .tag("result", result).register(registry);
    }

    void register(@Observes Router router) {
        if (authEnabled) {
            router.route("/api/*").order(ORDER).handler(this::authenticate);
        } else {
            Log.warn("API-key authentication is OFF (gateway.auth.enabled=false): /api requests reach the services "
                    + "without identity and without rate limits");
            router.route("/api/*").order(ORDER).handler(context -> {
                MultiMap headers = context.request().headers();
                stripIdentity(headers);
                headers.remove(ApiKeys.X_API_KEY);
                headers.remove(HttpHeaders.AUTHORIZATION);
                context.next();
            });
        }
    }

    private void authenticate(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.headers().contains(ApiKeys.X_API_KEY) && request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            ambiguous.increment();
            reject(context, context.response(), 400, "Bad Request",
                    "Send one credential: X-API-Key or Authorization, not both");
            return;
        }
        String apiKey = ApiKeys.presented(request.headers());
        if (apiKey == null) {
            missing.increment();
            unauthorized(context);
            return;
        }
        if (!ApiKeys.wellFormed(apiKey)) {
            invalid.increment();
            unauthorized(context);
            return;
        }
        CompletableFuture<Identity> verification = verifier.verify(apiKey);
        if (verification.isDone()) {
            verified(context, verification);
            return;
        }
        request.pause();
        // The verification may complete on another event loop (another request asked first): come back to ours.
        Context own = Vertx.currentContext();
        verification.whenComplete((identity, failure) -> own.runOnContext(ignored -> verified(context, verification)));
    }

    private void verified(RoutingContext context, CompletableFuture<Identity> verification) {
        if (context.response().closed()) {
            return; // the client went away meanwhile (or its body broke): nothing to answer or proxy
        }
        Identity identity = verification.getNow(null);
        if (identity == null || identity.unavailable()) {
            unavailable.increment();
            HttpServerResponse response = context.response().putHeader(RETRY_AFTER, "1");
            reject(context, response, 503, "Service Unavailable",
                    "API keys cannot be verified right now; try again shortly");
            return;
        }
        if (!identity.accepted()) {
            invalid.increment();
            unauthorized(context);
            return;
        }
        String scope = routeScopes.missing(context.request().path(), context.request().method().name(), identity);
        if (scope != null) {
            forbidden.increment();
            reject(context, context.response(), 403, "Forbidden", "This API key lacks the scope '" + scope + "'",
                    scope);
            return;
        }
        authenticated.increment();
        forwardIdentity(context.request().headers(), identity.authorization(tokens.signer()));
        if (!limiter.enabled()) {
            context.next();
            return;
        }
        context.request().pause();
        limiter.check(identity.keyId(), identity.userId(), decision -> decided(context, limiter.record(decision)));
    }

    private void decided(RoutingContext context, Decision decision) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            return; // the client went away meanwhile: the decision is counted, nothing is proxied
        }
        switch (decision.outcome()) {
            case ALLOWED -> {
                rateLimitHeaders(response, decision);
                context.next();
            }
            case LIMITED -> {
                rateLimitHeaders(response, decision);
                response.putHeader(RETRY_AFTER, Long.toString(decision.retryAfter()));
                reject(context, response, 429, "Too Many Requests", "Rate limit of " + decision.limit()
                        + " requests per " + decision.window() + " s exceeded; retry after "
                        + decision.retryAfter() + " s");
            }
            case FAILED -> {
                if (limiter.failOpen()) {
                    context.next();
                } else {
                    response.putHeader(RETRY_AFTER, "1");
                    reject(context, response, 503, "Service Unavailable",
                            "Rate limits cannot be checked right now; try again shortly");
                }
            }
        }
    }

    static void rateLimitHeaders(HttpServerResponse response, Decision decision) {
        MultiMap headers = response.headers();
        headers.set(LIMIT, Long.toString(decision.limit()));
        headers.set(REMAINING, Long.toString(decision.remaining()));
        headers.set(RESET, Long.toString(decision.reset()));
        headers.set(WINDOW, Long.toString(decision.window()));
    }

    /**
     * Replaces the caller's credential with the gateway's signed identity token: services believe only that, and never
     * see the API key.
     */
    static void forwardIdentity(MultiMap headers, String authorization) {
        stripIdentity(headers);
        headers.remove(ApiKeys.X_API_KEY);
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }

    /** Removes every {@code X-Polystore-*} header: nobody sets them any more, and no service may see a client's. */
    static void stripIdentity(MultiMap headers) {
        List<String> claimed = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.regionMatches(true, 0, IDENTITY_PREFIX, 0, IDENTITY_PREFIX.length())) {
                if (claimed == null) {
                    claimed = new ArrayList<>(2);
                }
                claimed.add(name);
            }
        }
        if (claimed != null) {
            claimed.forEach(headers::remove);
        }
    }

    private void unauthorized(RoutingContext context) {
        HttpServerResponse response = context.response().putHeader(WWW_AUTHENTICATE, "Bearer realm=\"polystore\"");
        reject(context, response, 401, "Unauthorized", UNAUTHORIZED_DETAIL);
    }

    private static void reject(RoutingContext context, HttpServerResponse response, int status, String title,
            String detail) {
        reject(context, response, status, title, detail, null);
    }

    /** Answers a problem; an unread body is drained within bounds or the connection closed ({@link Rejections}). */
    private static void reject(RoutingContext context, HttpServerResponse response, int status, String title,
            String detail, String missingScope) {
        ProxyRoutes.tagMetrics(ROUTE);
        HttpServerRequest request = context.request();
        Rejections.reject(request, status, title, detail, request.path(), missingScope);
    }
}
