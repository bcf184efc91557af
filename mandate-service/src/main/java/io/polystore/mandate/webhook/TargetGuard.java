package io.polystore.mandate.webhook;

import io.polystore.mandate.config.MandateConfig;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may point (SSRF guard): {@code http(s)} URLs whose host resolves only to public addresses. Loopback,
 * link-local (cloud metadata at 169.254.169.254 included), private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * carrier-grade NAT (100.64/10), unspecified and multicast addresses are refused unless
 * {@code WEBHOOK_ALLOW_PRIVATE_TARGETS=true}. Checked when a webhook is created or changed and again before every send
 * (a name may resolve elsewhere later); redirects are never followed.
 */
@Singleton
public class TargetGuard {

    static final int MAX_URL = 500;

    private final boolean allowPrivate;

    @Inject
    TargetGuard(MandateConfig config) {
        this(config.webhook().allowPrivateTargets());
    }

    TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL's form (400 naming {@code url}); no name resolution. */
    public static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw ProblemException.badField("url", "must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw ProblemException.badField("url", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw ProblemException.badField("url", "must name a host, without user info or #fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProblemException.badField("url", "is not a URL");
        }
    }

    /** Resolves the host (on a worker thread: resolution blocks) and refuses a non-public address with a 400. */
    public Uni<Void> check(String url) {
        URI uri = parse(url);
        if (allowPrivate) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw ProblemException.badField("url", "names a host that does not resolve");
            }
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw ProblemException.badField("url", "resolves to a loopback, link-local or private address,"
                            + " which webhooks may not target");
                }
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean thisNetwork = first == 0;
            boolean reserved = first >= 240;
            return !carrierNat && !thisNetwork && !reserved;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return false;
    }
}
