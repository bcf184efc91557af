package io.polystore.session.archive;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mandate-service's archive intake; only {@link ArchiveHandOver} calls it, with its fault-tolerance policy. */
@RegisterRestClient(configKey = "mandate-service")
@Path("/internal/archives")
public interface ArchiveClient {

    @POST
    Uni<ArchiveReceipt> archive(@HeaderParam(HttpHeaders.AUTHORIZATION) String serviceToken, ArchiveRecord session);
}
