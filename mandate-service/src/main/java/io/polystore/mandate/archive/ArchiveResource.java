package io.polystore.mandate.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.json.ApiEnum;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's archived sessions (scope {@code sessions}): the user behind the API key the gateway authenticated sees
 * only sessions it created; anybody else's is a 404, as an unknown one. The global statistics are not here: they cover
 * every user (operators read them with the ops CLI).
 */
@Path(ArchiveResource.PATH)
@RequiresScope(Scopes.SESSIONS)
@Tag(name = "archives", description = "Configurator sessions archived from session-service: finalized, completed, or abandoned when left idle.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.SESSIONS)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.SESSIONS)
public class ArchiveResource {

    static final String PATH = "/api/archives";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SESSION_ID = Pattern.compile(ArchiveRequest.SESSION_ID);

    private final ArchiveRepository archives;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    ArchiveResource(ArchiveRepository archives, CurrentCaller caller, ObjectMapper mapper) {
        this.archives = archives;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "listArchivedSessions", summary = "List the caller's archived sessions", description = "Newest archive first, in pages: pass `nextCursor` back as `cursor` (null on the last page).")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<ArchivePage> list(
            @Parameter(description = "Only sessions that ended so.", schema = @Schema(implementation = ArchiveStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only sessions archived at or after this instant (ISO-8601 with offset).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Only sessions archived before this instant (ISO-8601 with offset).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "A JSON object or array (at most 1024 characters, 6 levels) that the conversation, the parameters or the selections contain, e.g. `{\"messages\":[{\"role\":\"user\"}]}`.") @QueryParam("contains") String contains,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        OffsetDateTime fromTime = instant("from", from);
        OffsetDateTime toTime = instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ProblemException.badField("to", "must be later than from");
        }
        ArchiveQuery query = new ArchiveQuery(userId(),
                ApiEnum.fromQuery(ArchiveStatus.class, ArchiveStatus::value, "status", status), fromTime, toTime,
                ContainsFilter.parse(mapper, contains), ArchiveCursor.parse(cursor), limit(limit));
        return archives.page(query);
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "getArchiveStats", summary = "The caller's own archive statistics", description = "The caller's row of `user_session_history`: zero sessions before the first archive.")
    @APIResponse(responseCode = "200", description = "The caller's statistics.")
    public Uni<UserArchiveStats> stats() {
        return archives.userStats(userId());
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getArchivedSession", summary = "Get one of the caller's archived sessions", description = "Someone else's session is a 404, as an unknown one.")
    @APIResponse(responseCode = "200", description = "The archived session.")
    @APIResponse(responseCode = "404", description = "No such archived session of the caller's.")
    public Uni<ArchiveView> get(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            // no session ever had this id: the same answer as an unknown one
            return Uni.createFrom().failure(ProblemException.notFound("archived session " + sessionId));
        }
        return archives.find(userId(), sessionId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("archived session " + sessionId)));
    }

    /** Whose archive: the Polystore user behind the API key, as session-service records it. */
    private String userId() {
        return Long.toString(caller.userId());
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field,
                    "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T00:00:00Z");
        }
    }

    /** 1 to {@link #MAX_LIMIT}, ASCII digits only. */
    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (LIMIT.matcher(limit).matches()) {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
