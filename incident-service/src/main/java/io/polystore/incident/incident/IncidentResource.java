package io.polystore.incident.incident;

import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The caller's incidents; the caller is the user behind the API key the gateway authenticated. */
@Path("/api/incidents")
@RequiresScope(Scopes.INCIDENTS)
public class IncidentResource {

    private final IncidentService service;
    private final CurrentCaller caller;

    IncidentResource(IncidentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateIncidentRequest request, UriInfo uri) {
        return service.create(caller.userId(), caller.keyId(), request)
                .map(created -> Response
                        .created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                        .entity(created).build());
    }

    @GET
    public Uni<IncidentPage> list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.userId(), parse(IncidentStatus.class, "status", status),
                parse(Severity.class, "severity", severity), cursor, parseLimit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<IncidentView> get(@PathParam("id") long id) {
        return service.get(id, caller.userId());
    }

    @PATCH
    @Path("/{id}")
    public Uni<IncidentView> update(@PathParam("id") long id, @Valid @NotNull UpdateIncidentRequest change) {
        return service.update(id, caller.userId(), change);
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return IncidentService.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= IncidentService.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + IncidentService.MAX_LIMIT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]")));
        }
    }
}
