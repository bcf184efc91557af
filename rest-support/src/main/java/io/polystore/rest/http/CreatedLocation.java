package io.polystore.rest.http;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The {@code Location} of what a {@code POST} creates, prepared <em>before</em> anything is stored: once the create has
 * committed, only string concatenation of a checked origin, a constant path and a numeric id is left, which cannot
 * fail. (Letting JAX-RS resolve the URI after the commit turned an odd forwarded host into a 500 after the row was
 * stored: a retry filed it twice.)
 * <p>
 * The origin is the scheme and authority of the request as the gateway set them ({@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host}, believed only from {@code GATEWAY_ADDRESSES}; {@code X-Forwarded-Prefix} never); the path
 * is the resource's own. When the request's origin is not a valid {@code http(s)://host[:port]}, the {@code Location}
 * is the path alone, which RFC 9110 § 10.2.2 allows and the client resolves against the URL it called.
 */
public final class CreatedLocation {

    private static final Logger LOG = Logger.getLogger(CreatedLocation.class);

    private final String origin;
    private final String collectionPath;

    private CreatedLocation(String origin, String collectionPath) {
        this.origin = origin;
        this.collectionPath = collectionPath;
    }

    /**
     * @param collectionPath
     *            where the new resources live, e.g. {@code /api/incidents}: a constant of the resource, never taken
     *            from the request
     */
    public static CreatedLocation of(UriInfo uri, String collectionPath) {
        return new CreatedLocation(origin(uri), collectionPath);
    }

    /** The new resource's {@code Location} header value. */
    public String of(long id) {
        return origin + collectionPath + "/" + id;
    }

    /** {@code scheme://authority} of the request, or "" when it is not a valid HTTP origin. */
    static String origin(UriInfo uri) {
        try {
            URI base = uri.getBaseUri();
            String scheme = base.getScheme();
            if (scheme == null || base.getRawAuthority() == null) {
                return "";
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "";
            }
            URI origin = new URI(scheme + "://" + base.getRawAuthority()).parseServerAuthority();
            if (origin.getHost() == null || origin.getRawUserInfo() != null) {
                return "";
            }
            return scheme + "://" + origin.getRawAuthority();
        } catch (URISyntaxException | RuntimeException e) {
            LOG.debugf("no valid origin in the request (%s); Location is a path", e.getMessage());
            return "";
        }
    }
}
