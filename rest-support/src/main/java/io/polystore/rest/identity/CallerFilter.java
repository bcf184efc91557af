package io.polystore.rest.identity;

import io.polystore.rest.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires the gateway's identity headers on every {@code /api/**} request: without them (or with garbage in them) the
 * answer is 401 before any resource runs. {@code /internal/**} and {@code /q/**} are not affected.
 */
public class CallerFilter {

    private final CurrentCaller currentCaller;

    CallerFilter(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @ServerRequestFilter
    public Optional<Response> requireCaller(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return Optional.empty();
        }
        Long userId = positiveLong(request.getHeaderString(Caller.USER_ID_HEADER));
        Long keyId = positiveLong(request.getHeaderString(Caller.KEY_ID_HEADER));
        if (userId == null || keyId == null) {
            return Optional.of(Problem.of(Response.Status.UNAUTHORIZED, "missing caller identity")
                    .withInstance(path).toResponse());
        }
        currentCaller.set(new Caller(userId, keyId));
        return Optional.empty();
    }

    private static Long positiveLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
