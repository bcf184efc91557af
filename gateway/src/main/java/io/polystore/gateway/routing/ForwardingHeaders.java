package io.polystore.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import io.polystore.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops hop-by-hop headers in both directions, replaces every forwarding header a client sent with the gateway's own
 * ({@code X-Forwarded-For}: the peer it saw, or behind {@code GATEWAY_TRUSTED_PROXIES} the client they name;
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}), and dates responses by the gateway's clock.
 * <p>
 * http-proxy 4.5 already drops Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, TE, Trailer,
 * Transfer-Encoding and Upgrade from requests, but not other {@code Proxy-*} headers, not the headers that
 * {@code Connection} names (RFC 9110 7.6.1), and nothing from responses except Transfer-Encoding.
 */
@Singleton
public class ForwardingHeaders implements ProxyInterceptor {

    static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("x-forwarded-for");
    static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("x-forwarded-proto");
    static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("x-forwarded-host");

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, HttpHeaders.KEEP_ALIVE,
            "te", "trailer", HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE);

    /** Set by the gateway on every authenticated response; a service's own would duplicate or contradict them. */
    private static final List<CharSequence> GATEWAY_OWNED = List.of(
            HttpHeaders.createOptimized("x-ratelimit-limit"), HttpHeaders.createOptimized("x-ratelimit-remaining"),
            HttpHeaders.createOptimized("x-ratelimit-reset"), HttpHeaders.createOptimized("x-ratelimit-window"));

    private final TrustedProxies trustedProxies;

    ForwardingHeaders(GatewayConfig config) {
        this.trustedProxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        MultiMap headers = context.request().headers();
        dropHopByHop(headers);
        HttpServerRequest incoming = context.request().proxiedRequest();
        String uri = context.request().getURI();
        if (!uri.startsWith("/")) {
            // Absolute form (POST http://host/api/...): the service gets the path and query only, as any other
            // request; the host in it is not believed (X-Forwarded-Host is the Host header the gateway checked).
            context.request().setURI(originForm(incoming));
        }
        // Whatever a client says about forwarding is dropped; the services learn only what the gateway saw.
        List<String> claimedFor = trustedProxies.isEmpty() ? List.of() : headers.getAll(X_FORWARDED_FOR);
        dropForwarded(headers);
        SocketAddress peer = incoming.remoteAddress();
        if (peer != null) {
            String address = peer.hostAddress() != null ? peer.hostAddress() : peer.host();
            headers.set(X_FORWARDED_FOR, trustedProxies.client(address, claimedFor));
        }
        headers.set(X_FORWARDED_PROTO, incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        dropHopByHop(headers);
        // The client gets the gateway's Date, as nginx does by default. http-proxy writes a Date on every response
        // anyway, and would otherwise parse the service's own and format it again: 5% of the gateway's CPU per
        // request in the benchmark's profile.
        headers.remove(HttpHeaders.DATE);
        for (CharSequence name : GATEWAY_OWNED) {
            headers.remove(name);
        }
        return context.sendResponse();
    }

    /** The request's path and query ({@code /api/x?y=1}), whatever form its target had. */
    static String originForm(HttpServerRequest request) {
        String query = request.query();
        return query == null ? request.path() : request.path() + "?" + query;
    }

    /** Removes {@code Forwarded} and every {@code X-Forwarded-*} header. */
    static void dropForwarded(MultiMap headers) {
        List<String> forwarded = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.regionMatches(true, 0, "x-forwarded-", 0, 12) || name.equalsIgnoreCase("forwarded")) {
                if (forwarded == null) {
                    forwarded = new ArrayList<>(2);
                }
                forwarded.add(name);
            }
        }
        if (forwarded != null) {
            forwarded.forEach(headers::remove);
        }
    }

    static void dropHopByHop(MultiMap headers) {
        if (headers.contains(HttpHeaders.CONNECTION)) {
            for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
                for (String token : connection.split(",")) {
                    String name = token.trim();
                    if (!name.isEmpty()) {
                        headers.remove(name);
                    }
                }
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            headers.remove(name);
        }
        List<String> proxyHeaders = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.regionMatches(true, 0, "proxy-", 0, 6)) {
                if (proxyHeaders == null) {
                    proxyHeaders = new ArrayList<>(2);
                }
                proxyHeaders.add(name);
            }
        }
        if (proxyHeaders != null) {
            proxyHeaders.forEach(headers::remove);
        }
    }
}
