package io.polystore.gateway.access;

import io.polystore.gateway.config.GatewayConfig;
import io.polystore.rest.identity.Scopes;
import java.util.HashMap;
import java.util.Map;

/**
 * The scope an API key needs for a route, from {@code gateway.scopes}: every route prefix of every service has one, so
 * a request outside its key's scopes is refused here, before it reaches the service (which checks again).
 */
final class RouteScopes {

    private static final String API = "/api/";

    private final Map<String, String> byPrefix;

    private RouteScopes(Map<String, String> byPrefix) {
        this.byPrefix = byPrefix;
    }

    static RouteScopes of(GatewayConfig config) {
        Map<String, String> byPrefix = new HashMap<>();
        config.services().forEach((name, service) -> service.routes().forEach(route -> {
            String scope = config.scopes().get(route);
            if (scope == null || !Scopes.isKeyScope(scope)) {
                throw new IllegalStateException("gateway.scopes.\"" + route + "\" (route of " + name
                        + ") must name one of " + Scopes.KEY_SCOPES + ", not " + scope);
            }
            if (route.indexOf('/', API.length()) >= 0 || !route.startsWith(API)) {
                throw new IllegalStateException("route " + route + " of " + name + " must be /api/<area>");
            }
            byPrefix.put(route, scope);
        }));
        return new RouteScopes(Map.copyOf(byPrefix));
    }

    /** The scope {@code path} needs, or null when no service owns it (the proxy answers 404). */
    String of(String path) {
        if (!path.startsWith(API)) {
            return null;
        }
        int end = path.indexOf('/', API.length());
        return byPrefix.get(end < 0 ? path : path.substring(0, end));
    }
}
