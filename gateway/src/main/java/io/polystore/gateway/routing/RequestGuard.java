package io.polystore.gateway.routing;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first look at every request on the public port, before anything else reads it: what HTTP/1.1 calls invalid, and
 * what a proxy must not pass on, is refused here with a problem+json 400 (or 413) and, where the bytes that follow
 * cannot be trusted, the connection is closed (RFC 9112 6.1, 6.3).
 * <ul>
 * <li>{@code Host}: more than one, none on an HTTP/1.1 request, or one that is not a valid {@code host[:port]}: 400
 * (RFC 9112 3.2).</li>
 * <li>Request target: origin form ({@code /path?query}) or absolute form ({@code http://host/path}, forwarded as its
 * path and query); anything else ({@code *}, {@code host:port}): 400. {@code CONNECT}: 405.</li>
 * <li>{@code Transfer-Encoding}: only a single {@code chunked}; anything else, or together with {@code Content-Length}:
 * 400 and close (the proxy would misread where the body ends).</li>
 * <li>{@code Content-Length} above {@code quarkus.http.limits.max-body-size}: 413 and close (chunked bodies are counted
 * while they stream: {@link BodyLimit}).</li>
 * </ul>
 */
@Singleton
public class RequestGuard {

    /** Before Quarkus' own body-size check (which answers 413 without a body). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final long maxBodySize;

    RequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    /** The largest body the gateway passes on. */
    public long maxBodySize() {
        return maxBodySize;
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        Refusal refusal = refusal(request);
        if (refusal == null) {
            context.next();
            return;
        }
        ProxyRoutes.tagMetrics("/");
        Log.debugf("refused %s from %s: %s", request.method(), request.remoteAddress(), refusal.detail());
        Rejections.rejectAndClose(request, refusal.status(), Problems.title(refusal.status()), refusal.detail(),
                refusal.status() == 413 ? safePath(request) : null);
    }

    /** Why a request is refused: its status and the problem's detail. */
    record Refusal(int status, String detail) {
    }

    /** Why the request is refused, or null. */
    Refusal refusal(HttpServerRequest request) {
        MultiMap headers = request.headers();
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return new Refusal(400, "A request has exactly one Host header");
        }
        if (hosts.isEmpty() && request.version() == HttpVersion.HTTP_1_1) {
            return new Refusal(400, "An HTTP/1.1 request needs a Host header");
        }
        if (!hosts.isEmpty() && (!validAuthority(hosts.get(0)) || request.authority() == null)) {
            return new Refusal(400, "The Host header is not a valid host[:port]");
        }
        if (request.method() == HttpMethod.CONNECT) {
            return new Refusal(405, "CONNECT is not supported: the gateway is not a forward proxy");
        }
        String uri = request.uri();
        if (uri == null || !(uri.startsWith("/") || isAbsoluteHttp(uri))) {
            return new Refusal(400, "The request target must be a path (/api/...) or an absolute http(s) URL");
        }
        List<String> encodings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!encodings.isEmpty()) {
            if (encodings.size() != 1 || !encodings.get(0).strip().equalsIgnoreCase("chunked")) {
                return new Refusal(400, "Transfer-Encoding must be 'chunked' alone");
            }
            if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                return new Refusal(400,
                        "Content-Length together with Transfer-Encoding: the body's framing is ambiguous");
            }
        } else if (maxBodySize != Long.MAX_VALUE && Rejections.bodyLength(request) > maxBodySize) {
            return new Refusal(413, "The request body is larger than " + maxBodySize + " bytes");
        }
        return null;
    }

    /** {@code http://...} or {@code https://...}, any case. */
    static boolean isAbsoluteHttp(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * {@code host[:port]}: a registered name or IPv4 address (RFC 3986 reg-name characters), or an IP literal in
     * brackets; a port of 1 to 5 digits, at most 65535.
     */
    static boolean validAuthority(String authority) {
        String value = authority.strip();
        if (value.isEmpty()) {
            return false;
        }
        int hostEnd;
        if (value.charAt(0) == '[') {
            hostEnd = value.indexOf(']');
            if (hostEnd < 2) {
                return false;
            }
            for (int i = 1; i < hostEnd; i++) {
                char c = value.charAt(i);
                if (!(Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.')) {
                    return false;
                }
            }
            hostEnd++;
        } else {
            hostEnd = value.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = value.length();
            }
            if (hostEnd == 0) {
                return false;
            }
            for (int i = 0; i < hostEnd; i++) {
                char c = value.charAt(i);
                boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
                if (!allowed) {
                    return false;
                }
            }
        }
        if (hostEnd == value.length()) {
            return true;
        }
        if (value.charAt(hostEnd) != ':' || hostEnd + 1 == value.length() || value.length() - hostEnd - 1 > 5) {
            return false;
        }
        int port = 0;
        for (int i = hostEnd + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static String safePath(HttpServerRequest request) {
        String path = request.path();
        return path != null && path.startsWith("/") ? path : null;
    }
}
