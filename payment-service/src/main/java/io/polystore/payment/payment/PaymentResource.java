package io.polystore.payment.payment;

import io.polystore.payment.audit.Actor;
import io.polystore.payment.audit.AuditEntry;
import io.polystore.payment.idempotency.IdempotencyKey;
import io.polystore.rest.concurrency.IfMatch;
import io.polystore.rest.http.CreatedLocation;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.json.ApiEnum;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
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

/** The caller's payments; the caller is the user behind the API key the gateway authenticated. */
@Path(PaymentResource.PATH)
@RequiresScope(Scopes.PAYMENTS)
@Tag(name = "payments", description = "Payments: checked on create, owned by the caller's user, settled through their statuses, audited.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = Scopes.PAYMENTS)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = Scopes.PAYMENTS)
public class PaymentResource {

    static final String PATH = "/api/payments";
    private static final String ID = "/{id: " + PaymentIds.PATTERN + "}";
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,9}");

    private final PaymentService service;
    private final CurrentCaller caller;

    PaymentResource(PaymentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createPayment", summary = "Submit a payment", description = "Runs the checks (each stored and listed in `validations`), computes the fee and assigns the next reference. "
            + "With `Idempotency-Key`, the same key and body within 24 hours answer the first payment again (201, same id and reference, "
            + "header `Idempotent-Replayed: true`); the same key with another body is a 409.")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, description = "1 to 255 visible ASCII characters; optional.", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "201", description = "Created, or the first answer replayed.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)), headers = {
            @Header(name = "Location", description = "The payment's URL.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IfMatch.ETAG, description = "The payment's version, for If-Match.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IdempotencyKey.REPLAYED_HEADER, description = "`true` when this is the first answer replayed for the Idempotency-Key.", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid body or Idempotency-Key; `errors` names each field.")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another body; nothing was created.")
    public Uni<RestResponse<PaymentView>> create(@Valid @NotNull CreatePaymentRequest request, UriInfo uri,
            HttpHeaders headers, @Context HttpServerRequest http) {
        String key = IdempotencyKey.parse(headers.getRequestHeader(IdempotencyKey.HEADER));
        // before the create: after its commit nothing may fail (a 500 then would invite a retry creating it twice)
        String collection = CreatedLocation.of(uri, PATH).of(0);
        String location = collection.substring(0, collection.length() - 1);
        return service.create(caller.userId(), request, key, actor(http)).map(created -> {
            RestResponse.ResponseBuilder<PaymentView> answer = RestResponse.ResponseBuilder
                    .create(RestResponse.Status.CREATED, created.payment())
                    .header(HttpHeaders.LOCATION, location + created.payment().id())
                    .header(IfMatch.ETAG, created.payment().etag());
            if (created.replayed()) {
                answer.header(IdempotencyKey.REPLAYED_HEADER, "true");
            }
            return answer.build();
        });
    }

    @GET
    @Operation(operationId = "listPayments", summary = "List the caller's payments", description = "Newest first, in pages: pass `nextCursor` back as `cursor` (null on the last page). Items carry no `validations`.")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "One page.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors` names it.")
    public Uni<String> list(
            @Parameter(description = "Only payments in this status.", schema = @Schema(implementation = PaymentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only payments with this validation status.", schema = @Schema(implementation = ValidationStatus.class)) @QueryParam("validationStatus") String validationStatus,
            @Parameter(description = "Only payments from this payer email (case-insensitive).") @QueryParam("email") String email,
            @Parameter(description = "Created at or after this instant (ISO-8601, e.g. 2026-01-31T00:00:00Z).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Created before this instant (ISO-8601).", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + PaymentService.MAX_LIMIT, defaultValue = ""
                            + PaymentService.DEFAULT_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        PaymentFilter filter = new PaymentFilter(caller.userId(),
                ApiEnum.fromQuery(PaymentStatus.class, PaymentStatus::value, "status", status),
                ApiEnum.fromQuery(ValidationStatus.class, ValidationStatus::value, "validationStatus",
                        validationStatus),
                email == null || email.isEmpty() ? null : email, instant("from", from), instant("to", to),
                Cursor.parse(cursor), parseLimit(limit));
        return service.listJson(caller.userId(), filter);
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getPayment", summary = "Get one of the caller's payments with its checks", description = "Someone else's payment is a 404, as an unknown one.")
    @APIResponse(responseCode = "200", description = "The payment.", headers = @Header(name = IfMatch.ETAG, description = "The payment's version, for If-Match.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such payment of the caller's.")
    public Uni<RestResponse<PaymentView>> get(
            @Parameter(description = "The payment's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return service.get(UUID.fromString(id), caller.userId()).map(PaymentResource::withETag);
    }

    @GET
    @Path("/by-reference/{reference}")
    @Operation(operationId = "getPaymentByReference", summary = "Get one of the caller's payments by its reference", description = "`REF001`, …, `REF1000`; someone else's payment is a 404.")
    @APIResponse(responseCode = "200", description = "The payment.", headers = @Header(name = IfMatch.ETAG, description = "The payment's version, for If-Match.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such payment of the caller's.")
    public Uni<RestResponse<PaymentView>> byReference(
            @Parameter(description = "The payment's reference.", schema = @Schema(type = SchemaType.STRING, pattern = "^REF[0-9]{3,18}$")) @PathParam("reference") String reference) {
        return service.byReference(reference, caller.userId()).map(PaymentResource::withETag);
    }

    @PATCH
    @Path(ID)
    @Operation(operationId = "updatePayment", summary = "Change a payment's status and/or description", description = "JSON merge semantics. "
            + "Status changes follow the transition table (README): open (EXACT, UNDERPAYMENT, OVERPAYMENT) to COMPLETED or FAILED, COMPLETED to REFUNDED. "
            + "Send the ETag you read in If-Match: if the payment changed since, the answer is a 412 and nothing is applied. Every change is audited.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "The ETag of the version the change is meant for, or *. Optional.", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The updated payment.", headers = @Header(name = IfMatch.ETAG, description = "The payment's new version.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match; `errors` names it.")
    @APIResponse(responseCode = "404", description = "No such payment of the caller's.")
    @APIResponse(responseCode = "409", description = "The status transition is not allowed (`currentStatus`, `allowed`); nothing was applied.")
    @APIResponse(responseCode = "412", description = "The payment is no longer at the version named in If-Match; nothing was applied.")
    public Uni<RestResponse<PaymentView>> update(
            @Parameter(description = "The payment's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            HttpHeaders headers, @Context HttpServerRequest http, @Valid @NotNull UpdatePaymentRequest change) {
        IfMatch ifMatch = IfMatch.parse(headers.getRequestHeader(IfMatch.HEADER));
        return service.update(UUID.fromString(id), caller.userId(), change, ifMatch, actor(http))
                .map(PaymentResource::withETag);
    }

    @GET
    @Path(ID + "/audit")
    @Operation(operationId = "getPaymentAudit", summary = "The audit trail of one of the caller's payments", description = "Oldest first: the CREATE row, then every change, with the key, user, user agent and client address.")
    @APIResponse(responseCode = "200", description = "The trail.", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
    @APIResponse(responseCode = "404", description = "No such payment of the caller's.")
    public Uni<List<AuditEntry>> audit(
            @Parameter(description = "The payment's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return service.trail(UUID.fromString(id), caller.userId());
    }

    private static RestResponse<PaymentView> withETag(PaymentView payment) {
        return RestResponse.ResponseBuilder.ok(payment).header(IfMatch.ETAG, payment.etag()).build();
    }

    /**
     * Who acts, from where: the remote address is the client as the gateway saw it (the chassis believes forwarded
     * headers only from {@code GATEWAY_ADDRESSES}, and the gateway replaces any {@code X-Forwarded-For} a client sent).
     */
    private Actor actor(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return new Actor(caller.keyId(), caller.userId(), http.getHeader(HttpHeaders.USER_AGENT),
                remote == null ? null : remote.hostAddress());
    }

    /** 1 to 500, ASCII digits only. */
    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return PaymentService.DEFAULT_LIMIT;
        }
        if (LIMIT.matcher(limit).matches()) {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= PaymentService.MAX_LIMIT) {
                return value;
            }
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + PaymentService.MAX_LIMIT);
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
