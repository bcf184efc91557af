package io.polystore.incident.incident;

import io.polystore.rest.concurrency.IfMatch;
import io.polystore.rest.http.CreatedLocation;
import io.polystore.rest.http.Ids;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.json.ApiEnum;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's incidents; the caller is the user behind the API key the gateway authenticated. */
@Path(IncidentResource.PATH)
@RequiresScope(Scopes.INCIDENTS)
@Tag(name = "incidents", description = "Incidents: filed through an API key, owned by its user, moved through their statuses.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.INCIDENTS)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.INCIDENTS)
public class IncidentResource {

    static final String PATH = "/api/incidents";
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,9}");

    private final IncidentService service;
    private final CurrentCaller caller;

    IncidentResource(IncidentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createIncident", summary = "File an incident", description = "The incident belongs to the caller; the calling API key is its reporter. Status starts at open.")
    @APIResponse(responseCode = "201", description = "Filed.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentView.class)), headers = {
            @Header(name = "Location", description = "The incident's URL.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IfMatch.ETAG, description = "The incident's version, for If-Match.", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field.")
    public Uni<RestResponse<IncidentView>> create(@Valid @NotNull CreateIncidentRequest request, UriInfo uri) {
        // before the create: after its commit nothing may fail (a 500 then would invite a retry filing it twice)
        CreatedLocation location = CreatedLocation.of(uri, PATH);
        return service.create(caller.userId(), caller.keyId(), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header(HttpHeaders.LOCATION, location.of(created.id()))
                        .header(IfMatch.ETAG, created.etag())
                        .build());
    }

    @GET
    @Operation(operationId = "listIncidents", summary = "List the caller's incidents", description = "Newest first, in pages: pass `nextCursor` back as `cursor` (null on the last page).")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<IncidentPage> list(
            @Parameter(description = "Only incidents in this status.", schema = @Schema(implementation = IncidentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only incidents of this severity.", schema = @Schema(implementation = Severity.class)) @QueryParam("severity") String severity,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + IncidentService.MAX_LIMIT, defaultValue = ""
                            + IncidentService.DEFAULT_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        return service.list(caller.userId(), status("status", status), severity("severity", severity), cursor,
                parseLimit(limit));
    }

    @GET
    @Path("/{id: " + Ids.PATTERN + "}")
    @Operation(operationId = "getIncident", summary = "Get one of the caller's incidents", description = "Someone else's incident is a 404, as an unknown one.")
    @APIResponse(responseCode = "200", description = "The incident.", headers = @Header(name = IfMatch.ETAG, description = "The incident's version, for If-Match.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such incident of the caller's.")
    public Uni<RestResponse<IncidentView>> get(
            @Parameter(description = "The incident's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        return service.get(id, caller.userId()).map(IncidentResource::withETag);
    }

    @PATCH
    @Path("/{id: " + Ids.PATTERN + "}")
    @Operation(operationId = "updateIncident", summary = "Change an incident's status and/or severity", description = "JSON merge semantics: the fields given change, the others stay. "
            + "Send the ETag of the version you read in If-Match: if the incident changed since, the answer is a 412 "
            + "and nothing is applied. Without If-Match, a change that races another is a 409 and nothing is applied.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "The ETag of the version the change is meant for, or *. Optional.", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The updated incident.", headers = @Header(name = IfMatch.ETAG, description = "The incident's new version.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match; `errors` names it.")
    @APIResponse(responseCode = "404", description = "No such incident of the caller's.")
    @APIResponse(responseCode = "409", description = "The status transition is not allowed (`currentStatus`, `allowed`), or another change raced this one; nothing was applied.")
    @APIResponse(responseCode = "412", description = "The incident is no longer at the version named in If-Match; nothing was applied.")
    public Uni<RestResponse<IncidentView>> update(
            @Parameter(description = "The incident's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id,
            HttpHeaders headers, @Valid @NotNull UpdateIncidentRequest change) {
        IfMatch ifMatch = IfMatch.parse(headers.getRequestHeader(IfMatch.HEADER));
        return service.update(id, caller.userId(), change, ifMatch).map(IncidentResource::withETag);
    }

    private static RestResponse<IncidentView> withETag(IncidentView incident) {
        return RestResponse.ResponseBuilder.ok(incident).header(IfMatch.ETAG, incident.etag()).build();
    }

    /** 1 to 500, ASCII digits only: {@code Integer.parseInt} alone would take {@code +5} or {@code ٥}. */
    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return IncidentService.DEFAULT_LIMIT;
        }
        if (LIMIT.matcher(limit).matches()) {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= IncidentService.MAX_LIMIT) {
                return value;
            }
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + IncidentService.MAX_LIMIT);
    }

    /** Matched exactly as spelled (no trimming, no case folding); empty or absent: no filter. */
    static IncidentStatus status(String field, String value) {
        return ApiEnum.fromQuery(IncidentStatus.class, IncidentStatus::value, field, value);
    }

    static Severity severity(String field, String value) {
        return ApiEnum.fromQuery(Severity.class, Severity::value, field, value);
    }
}
