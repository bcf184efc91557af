package io.polystore.rest.identity;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Default-deny: every REST operation needs the gateway's signed identity token ({@code Authorization: Bearer}), unless
 * it is marked {@link PublicEndpoint}. {@code /internal/**} takes only service tokens (scope {@code internal}); every
 * other path takes only user tokens, with the scope {@link RequiresScope} names (or, for {@code GET}/{@code HEAD}, its
 * read-only twin, {@link Scopes#grants}). 401 without a valid token, 403 naming the missing scope. Nothing else a
 * client sends (such as {@code X-Polystore-*} headers) is believed.
 */
public class CallerFilter {

    static final String BEARER = "Bearer ";
    static final String CHALLENGE = "Bearer realm=\"polystore\"";

    private final IdentityVerifier verifier;
    private final CurrentCaller currentCaller;
    private final ConcurrentMap<Method, Rule> rules = new ConcurrentHashMap<>();

    CallerFilter(IdentityVerifier verifier, CurrentCaller currentCaller) {
        this.verifier = verifier;
        this.currentCaller = currentCaller;
    }

    @ServerRequestFilter
    public Optional<Response> requireCaller(ContainerRequestContext request, ResourceInfo resource) {
        Rule rule = rules.computeIfAbsent(resource.getResourceMethod(), method -> Rule.of(resource));
        if (rule.isPublic()) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        Caller caller = caller(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean internal = path.startsWith("/internal/") || path.equals("/internal");
        if (caller == null || (internal ? !caller.hasScope(Scopes.INTERNAL) : !caller.isUser())) {
            return Optional.of(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                    internal ? "a service token is required" : "a valid identity from the gateway is required")
                    .withInstance(path).toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
        }
        if (rule.scope() != null && !caller.mayUse(rule.scope(), request.getMethod())) {
            return Optional.of(ProblemException.forbidden(rule.scope()).problem().withInstance(path).toResponse());
        }
        currentCaller.set(caller);
        return Optional.empty();
    }

    private Caller caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return verifier.verify(authorization.substring(BEARER.length()).strip()).orElse(null);
    }

    /** What an operation requires, read once per operation from its annotations. */
    private record Rule(boolean isPublic, String scope) {

        static Rule of(ResourceInfo resource) {
            Method method = resource.getResourceMethod();
            Class<?> type = resource.getResourceClass();
            boolean isPublic = method.isAnnotationPresent(PublicEndpoint.class)
                    || type.isAnnotationPresent(PublicEndpoint.class);
            RequiresScope scope = method.getAnnotation(RequiresScope.class);
            if (scope == null) {
                scope = type.getAnnotation(RequiresScope.class);
            }
            return new Rule(isPublic, scope == null ? null : scope.value());
        }
    }
}
