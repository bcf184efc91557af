package io.polystore.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The one place where requests under {@code /api/} are handed to a backend.
 * <p>
 * Filters that must run before proxying go on {@code /api/*} with an order below {@link #PROXY_ORDER} (API keys and
 * rate limits: {@code AccessFilter}). A filter that completes asynchronously must {@code pause()} the request first, or
 * body bytes that arrive meanwhile are lost: http-proxy pauses it only when proxying starts.
 */
@Singleton
public class ProxyRoutes {

    /** Before the application routes, so proxied requests never go through the REST layer. */
    public static final int PROXY_ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /** The Vert.x context local Quarkus' metrics and tracing read the route template from. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final Upstreams upstreams;

    ProxyRoutes(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    void register(@Observes Router router) {
        for (Upstream upstream : upstreams.all()) {
            for (String prefix : upstream.routes()) {
                // "/prefix/*" matches "/prefix" and "/prefix/...", never "/prefixX".
                String route = prefix + "/*";
                router.route(route).order(PROXY_ORDER).handler(proxyTo(upstream.proxy(), route));
            }
        }
        router.route("/api/*").order(PROXY_ORDER + 1).handler(context -> {
            tagMetrics("/api/*");
            notFound(context, "No service owns " + context.request().path());
        });
        // Services' /internal endpoints (API key verification, ...) serve the gateway only.
        router.route("/internal/*").order(PROXY_ORDER + 1).handler(context -> {
            tagMetrics("/internal/*");
            notFound(context, "Internal endpoints are not reachable through the gateway");
        });
        // Whatever nothing else serves on the public port (/api/**, GET /health, GET /openapi): a problem, not the
        // framework's HTML page.
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1_000).handler(context -> {
            tagMetrics("/*");
            notFound(context, "The gateway serves /api/..., /health and /openapi only");
        });
    }

    /**
     * Names the route in the http server metrics' {@code uri} tag (and tracing, later): without it Quarkus tags every
     * distinct path, one time series per incident id.
     */
    public static void tagMetrics(String route) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(URL_PATH_TEMPLATE, route);
        }
    }

    private static Handler<RoutingContext> proxyTo(HttpProxy proxy, String route) {
        return context -> {
            tagMetrics(route);
            HttpServerRequest request = context.request();
            if (request.response().closed()) {
                return; // the client went away while it was authenticated: nothing to send on
            }
            if (!isPlain(request.path(), context.normalizedPath())) {
                // The router matched the normalized path but the backend would get the raw one: refuse rather than
                // let "/api/catalog/../internal/..." or an encoded slash reach a route it was not meant for.
                Problems.send(request.response(), 400, "Bad Request",
                        "The path must be normalized: no '.' or '..' segments, no encoded '/' or '\\'",
                        context.normalizedPath());
                return;
            }
            proxy.handle(request);
        };
    }

    static boolean isPlain(String path, String normalizedPath) {
        if (!path.equals(normalizedPath)) {
            return false;
        }
        int percent = path.indexOf('%');
        while (percent >= 0 && percent + 2 < path.length()) {
            char first = path.charAt(percent + 1);
            char second = Character.toLowerCase(path.charAt(percent + 2));
            if (first == '2' && second == 'f' || first == '5' && second == 'c') {
                return false;
            }
            percent = path.indexOf('%', percent + 1);
        }
        return path.indexOf('\\') < 0;
    }

    private static void notFound(RoutingContext context, String detail) {
        Problems.send(context.response(), 404, "Not Found", detail, context.request().path());
    }
}
