package io.polystore.gateway.routing;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Map;

/**
 * Rewrites a request under an alias prefix to the route it stands for ({@code /api/bookings/7?x=1} →
 * {@code /api/payments/7?x=1}), so the service answers exactly as for its own path. Runs after the absolute form was
 * reduced to path and query ({@link ForwardingHeaders}); the router already matched the alias as whole segments.
 */
final class PathAliases implements ProxyInterceptor {

    private final Map<String, String> routeByAlias;

    PathAliases(Map<String, String> routeByAlias) {
        this.routeByAlias = Map.copyOf(routeByAlias);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        String uri = request.getURI();
        routeByAlias.forEach((alias, route) -> {
            if (underPrefix(uri, alias)) {
                request.setURI(route + uri.substring(alias.length()));
            }
        });
        return context.sendRequest();
    }

    /** {@code uri} is {@code prefix} itself or goes on with a path segment or a query. */
    static boolean underPrefix(String uri, String prefix) {
        if (!uri.startsWith(prefix)) {
            return false;
        }
        if (uri.length() == prefix.length()) {
            return true;
        }
        char next = uri.charAt(prefix.length());
        return next == '/' || next == '?';
    }
}
