package io.polystore.gateway.access;

import io.polystore.gateway.auth.Identity;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.rest.identity.Scopes;
import java.util.HashMap;
import java.util.Map;

/**
 * The scope an API key needs for a route, from {@code gateway.scopes} (and, for {@code GET}/{@code HEAD}, the read-only
 * scope the route also accepts, {@code gateway.read-scopes}): every route prefix of every service has one, so a request
 * outside its key's scopes is refused here, before it reaches the service (which checks again). An alias needs what the
 * route it stands for needs.
 */
final class RouteScopes {

    private static final String API = "/api/";

    /** What a route needs: {@code scope} for every method, or {@code readScope} (may be null) for reads. */
    private record Need(String scope, String readScope) {
    }

    private final Map<String, Need> byPrefix;

    private RouteScopes(Map<String, Need> byPrefix) {
        this.byPrefix = byPrefix;
    }

    static RouteScopes of(GatewayConfig config) {
        Map<String, Need> byPrefix = new HashMap<>();
        config.services().forEach((name, service) -> {
            service.routes().forEach(route -> byPrefix.put(route, need(config, name, route)));
            service.aliases().forEach((alias, route) -> {
                Need need = byPrefix.get(route);
                if (need == null || !service.routes().contains(route)) {
                    throw new IllegalStateException("gateway.services." + name + ".aliases.\"" + alias
                            + "\" must name one of " + name + "'s routes " + service.routes() + ", not " + route);
                }
                requireArea(alias, name);
                byPrefix.put(alias, need);
            });
        });
        config.readScopes().keySet().stream().filter(route -> !byPrefix.containsKey(route)).findFirst()
                .ifPresent(route -> {
                    throw new IllegalStateException("gateway.read-scopes.\"" + route + "\" names no route");
                });
        return new RouteScopes(Map.copyOf(byPrefix));
    }

    private static Need need(GatewayConfig config, String service, String route) {
        requireArea(route, service);
        String scope = config.scopes().get(route);
        if (scope == null || !Scopes.isKeyScope(scope)) {
            throw new IllegalStateException("gateway.scopes.\"" + route + "\" (route of " + service
                    + ") must name one of " + Scopes.KEY_SCOPES + ", not " + scope);
        }
        String readScope = config.readScopes().get(route);
        if (readScope != null && !Scopes.readOnlyTwinOf(scope).orElse("").equals(readScope)) {
            throw new IllegalStateException("gateway.read-scopes.\"" + route + "\" must be the read-only twin of "
                    + scope + " (" + Scopes.readOnlyTwinOf(scope).orElse("it has none") + "), not " + readScope);
        }
        return new Need(scope, readScope);
    }

    private static void requireArea(String route, String service) {
        if (route.indexOf('/', API.length()) >= 0 || !route.startsWith(API)) {
            throw new IllegalStateException("route " + route + " of " + service + " must be /api/<area>");
        }
    }

    /**
     * The scope a {@code method} request to {@code path} needs and {@code identity} lacks (the route's full scope, as
     * the 403 names it), or null when it holds what is needed or no service owns the path (the proxy answers 404).
     */
    String missing(String path, String method, Identity identity) {
        if (!path.startsWith(API)) {
            return null;
        }
        int end = path.indexOf('/', API.length());
        Need need = byPrefix.get(end < 0 ? path : path.substring(0, end));
        if (need == null || identity.hasScope(need.scope())
                || need.readScope() != null && Scopes.isReadOnlyMethod(method) && identity.hasScope(need.readScope())) {
            return null;
        }
        return need.scope();
    }
}
