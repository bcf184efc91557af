package io.polystore.gateway.health;

import io.polystore.rest.identity.PublicEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /health} on the public port: states and latencies only. The same report with the reason each service is
 * down (addresses, errors) is {@code GET /health} on the management port, see {@link HealthDetailRoute}.
 */
@Path("/health")
@PublicEndpoint
public class HealthResource {

    private final HealthAggregator aggregator;

    HealthResource(HealthAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "State of every service and store behind the gateway")
    @APIResponse(responseCode = "200", description = "healthy (every service up) or degraded (some up)", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "unhealthy: no service is up", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid HTTP/1.1 (`Host` missing, repeated or invalid; ambiguous framing): refused before any route, as every request to the gateway")
    public Uni<RestResponse<HealthReport>> health() {
        return aggregator.current().map(report -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.fromStatusCode(report.httpStatus()), report.withoutDetail())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }
}
