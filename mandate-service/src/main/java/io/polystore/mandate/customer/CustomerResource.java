package io.polystore.mandate.customer;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.rest.http.CreatedLocation;
import io.polystore.rest.http.Ids;
import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.RequiresScope;
import io.polystore.rest.openapi.ApiDocumentFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
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

/** The tenant's customers (who grant its mandates). */
@Path(CustomerResource.PATH)
@Tag(name = "customers", description = "The tenant's customers, referenced by mandates.")
@SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = MandateScopes.WRITE)
@SecurityRequirement(name = ApiDocumentFilter.BEARER_API_KEY, scopes = MandateScopes.WRITE)
public class CustomerResource {

    static final String PATH = "/api/customers";
    private static final String ID = "/{id: " + Ids.PATTERN + "}";

    private final CustomerService service;
    private final CurrentCaller caller;

    CustomerResource(CustomerService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "createCustomer", summary = "Add a customer")
    @APIResponse(responseCode = "201", description = "Added.", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)), headers = @Header(name = "Location", description = "The customer's URL.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names the field.")
    @APIResponse(responseCode = "409", description = "A live customer of the tenant has this externalRef.")
    public Uni<RestResponse<CustomerView>> create(@Valid @NotNull CustomerRequest request, UriInfo uri) {
        CreatedLocation location = CreatedLocation.of(uri, PATH);
        return service.create(tenant(), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header(HttpHeaders.LOCATION, location.of(created.id())).build());
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "List the tenant's customers", description = "Newest first, in pages.")
    @APIResponse(responseCode = "200", description = "One page.")
    @APIResponse(responseCode = "400", description = "The limit or cursor is invalid.")
    public Uni<CustomerPage> list(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's `nextCursor`; opaque.") @QueryParam("cursor") String cursor) {
        MandateScopes.requireRead(caller);
        return service.list(tenant(), Cursors.number(cursor), Queries.limit(limit));
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getCustomer", summary = "Get one customer")
    @APIResponse(responseCode = "200", description = "The customer.")
    @APIResponse(responseCode = "404", description = "No such customer of the tenant's.")
    public Uni<CustomerView> get(
            @Parameter(description = "The customer's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        MandateScopes.requireRead(caller);
        return service.get(tenant(), id);
    }

    @PATCH
    @Path(ID)
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "updateCustomer", summary = "Change a customer's name or email")
    @APIResponse(responseCode = "200", description = "The changed customer.")
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names the field.")
    @APIResponse(responseCode = "404", description = "No such customer of the tenant's.")
    public Uni<CustomerView> update(
            @Parameter(description = "The customer's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id,
            @Valid @NotNull CustomerChange change) {
        return service.update(tenant(), id, change);
    }

    @DELETE
    @Path(ID)
    @RequiresScope(MandateScopes.WRITE)
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer (soft)", description = "The row stays for the mandates that reference it; its externalRef is free again.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such customer of the tenant's.")
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "The customer's id.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") long id) {
        return service.delete(tenant(), id).map(ignored -> RestResponse.noContent());
    }

    private String tenant() {
        return Actor.tenantOf(caller.userId());
    }
}
