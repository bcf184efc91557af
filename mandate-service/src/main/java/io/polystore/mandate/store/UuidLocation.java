package io.polystore.mandate.store;

import io.polystore.rest.http.CreatedLocation;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The chassis' {@link CreatedLocation} (prepared before the create, nothing that can fail after its commit) for
 * resources with UUID ids: the chassis writes numeric ids only, so this takes its answer for id 0 and puts the UUID in
 * place of the 0, which is plain string work on a checked origin and a constant path.
 */
public final class UuidLocation {

    private final String prefix;

    private UuidLocation(String prefix) {
        this.prefix = prefix;
    }

    public static UuidLocation of(UriInfo uri, String collectionPath) {
        String forZero = CreatedLocation.of(uri, collectionPath).of(0);
        return new UuidLocation(forZero.substring(0, forZero.length() - 1));
    }

    public String of(UUID id) {
        return prefix + id;
    }
}
