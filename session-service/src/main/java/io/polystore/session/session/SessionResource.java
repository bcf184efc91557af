package io.polystore.session.session;

import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's configurator sessions; the caller is the user behind the API key the gateway authenticated, and a
 * session is its alone (anybody else's is a 404).
 */
@Path(SessionResource.PATH)
@RequiresScope(Scopes.SESSIONS)
@Tag(name = "sessions", description = "Hot configurator sessions: a conversation, requirements and product selections, archived when they end.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.SESSIONS)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.SESSIONS)
public class SessionResource {

    static final String PATH = "/api/sessions";
    private static final String ID = "/{sessionId}";

    private final SessionService service;
    private final CurrentCaller caller;

    SessionResource(SessionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createSession", summary = "Start a session", description = "Status active, at the first configurator step unless told otherwise. It lives for SESSION_TTL after its last use.")
    @APIResponse(responseCode = "201", description = "Started.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionDocument.class)), headers = @Header(name = "Location", description = "The session's URL.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field.")
    @APIResponse(responseCode = "409", description = "The caller already holds the most sessions allowed.")
    public Uni<RestResponse<SessionDocument>> create(@Valid CreateSessionRequest request) {
        // a path-only Location (RFC 9110 10.2.2): the chassis' CreatedLocation takes numeric ids only
        return service.create(userId(), request)
                .map(session -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, session)
                        .header(HttpHeaders.LOCATION, PATH + "/" + session.sessionId()).build());
    }

    @GET
    @Operation(operationId = "listSessions", summary = "List the caller's active sessions", description = "Oldest first; ended sessions are in the archive (`/api/archives`).")
    @APIResponse(responseCode = "200", description = "The active sessions.")
    public Uni<SessionList> list() {
        return service.list(userId()).map(SessionList::new);
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getSession", summary = "Get one of the caller's sessions", description = "Reading an active session starts its TTL again.")
    @APIResponse(responseCode = "200", description = "The session.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's (or it has been archived).")
    public Uni<SessionDocument> get(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId) {
        return service.get(userId(), sessionId);
    }

    @POST
    @Path(ID + "/messages")
    @Operation(operationId = "appendSessionMessage", summary = "Add a message to the conversation", description = "Concurrent appends all land, in the order they were stored.")
    @APIResponse(responseCode = "200", description = "The session with the message.")
    @APIResponse(responseCode = "400", description = "Invalid message, or the session is full; `errors` names the field.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has ended.")
    public Uni<SessionDocument> append(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId,
            @Valid @NotNull MessageRequest message) {
        return service.append(userId(), sessionId, message);
    }

    @PATCH
    @Path(ID)
    @Operation(operationId = "updateSession", summary = "Change the step, language or requirements", description = "The fields given change, the others stay.")
    @APIResponse(responseCode = "200", description = "The updated session.")
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has ended.")
    public Uni<SessionDocument> update(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId,
            @Valid @NotNull UpdateSessionRequest change) {
        return service.update(userId(), sessionId, change);
    }

    @PUT
    @Path(ID + "/selections/{type}")
    @Operation(operationId = "selectProduct", summary = "Select the product for one component", description = "The GIN is checked with catalog-service, as the caller (its key needs the scope catalog too).")
    @APIResponse(responseCode = "200", description = "The session with the selection.")
    @APIResponse(responseCode = "400", description = "Invalid type or body; `errors` names the field.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has ended.")
    @APIResponse(responseCode = "422", description = "The GIN names no product of this type.")
    public Uni<SessionDocument> select(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId,
            @Parameter(description = "A catalog product type.", schema = @Schema(enumeration = {"PowerSource", "Feeder",
                    "Cooler", "Interconnector", "Torch", "Accessory"})) @PathParam("type") String type,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull SelectionRequest selection) {
        return service.select(userId(), sessionId, type, selection, authorization);
    }

    @POST
    @Path(ID + "/finalize")
    @Operation(operationId = "finalizeSession", summary = "Finalize the configuration and archive the session", description = "200: archived and gone from the hot store. 202: finalized, the archive is unreachable; the session is handed over as soon as it is back.")
    @APIResponse(responseCode = "200", description = "Finalized and archived.")
    @APIResponse(responseCode = "202", description = "Finalized; archiving pending.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has already ended.")
    public Uni<RestResponse<SessionDocument>> finalizeSession(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId) {
        return end(sessionId, SessionStatus.FINALIZED);
    }

    @POST
    @Path(ID + "/complete")
    @Operation(operationId = "completeSession", summary = "End the session without a final configuration and archive it", description = "200: archived. 202: completed, archiving pending (the archive is unreachable).")
    @APIResponse(responseCode = "200", description = "Completed and archived.")
    @APIResponse(responseCode = "202", description = "Completed; archiving pending.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has already ended.")
    public Uni<RestResponse<SessionDocument>> complete(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId) {
        return end(sessionId, SessionStatus.COMPLETED);
    }

    @DELETE
    @Path(ID)
    @Operation(operationId = "deleteSession", summary = "Abandon the session", description = "It leaves the hot store and is archived as abandoned (at once, or by the sweeper if the archive is unreachable).")
    @APIResponse(responseCode = "204", description = "Abandoned.")
    @APIResponse(responseCode = "404", description = "No such session of the caller's.")
    @APIResponse(responseCode = "409", description = "The session has already ended.")
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "The session's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("sessionId") String sessionId) {
        return service.end(userId(), sessionId, SessionStatus.ABANDONED).map(ended -> RestResponse.noContent());
    }

    private Uni<RestResponse<SessionDocument>> end(String sessionId, SessionStatus status) {
        return service.end(userId(), sessionId, status)
                .map(ended -> RestResponse.ResponseBuilder.create(ended.archived()
                        ? RestResponse.Status.OK
                        : RestResponse.Status.ACCEPTED, ended.session()).build());
    }

    /** Whose sessions: the Polystore user behind the API key (the gateway's identity token). */
    private String userId() {
        return Long.toString(caller.userId());
    }
}
