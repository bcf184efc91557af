package io.polystore.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The backend services from {@code gateway.services}, each with its own client and proxy. */
@Singleton
public class Upstreams {

    private static final String API = "/api/";

    private final List<Upstream> all;

    Upstreams(Vertx vertx, GatewayConfig config, ForwardingHeaders forwardingHeaders, RequestGuard guard,
            MeterRegistry registry) {
        List<Upstream> upstreams = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        BodyLimit bodyLimit = new BodyLimit(guard.maxBodySize());
        new TreeMap<>(config.services()).forEach((name, service) -> {
            service.routes().forEach(route -> claim(owners, route, name));
            service.aliases().forEach((alias, route) -> {
                claim(owners, alias, name);
                if (!service.routes().contains(route)) {
                    throw new IllegalStateException("gateway.services." + name + ".aliases.\"" + alias
                            + "\": '" + route + "' is not one of its routes " + service.routes());
                }
            });
            HttpClient client = client(vertx, service.url(), config.upstream());
            HttpProxy proxy = proxy(client, name, service.url(), config.upstream(), forwardingHeaders, bodyLimit,
                    guard.maxBodySize(), registry);
            if (!service.aliases().isEmpty()) {
                proxy.addInterceptor(new PathAliases(service.aliases()));
            }
            List<String> served = new ArrayList<>(service.routes());
            served.addAll(new TreeMap<>(service.aliases()).keySet());
            upstreams.add(new Upstream(name, List.copyOf(served), client, proxy));
        });
        this.all = List.copyOf(upstreams);
    }

    public List<Upstream> all() {
        return all;
    }

    @PreDestroy
    void close() {
        all.forEach(upstream -> upstream.client().close());
    }

    private static void claim(Map<String, String> owners, String route, String service) {
        if (!route.startsWith(API) || route.length() == API.length() || route.endsWith("/")
                || route.indexOf('*') >= 0) {
            throw new IllegalStateException("gateway.services." + service + ".routes/aliases: '" + route
                    + "' must be a path prefix like /api/things (under /api/, no trailing slash, no wildcard)");
        }
        String previous = owners.putIfAbsent(route, service);
        if (previous != null) {
            throw new IllegalStateException("route " + route + " is claimed by both " + previous + " and " + service);
        }
    }

    private static HttpClient client(Vertx vertx, URI url, GatewayConfig.Upstream upstream) {
        HttpClientOptions options = new HttpClientOptions()
                .setSsl("https".equalsIgnoreCase(url.getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout(Math.toIntExact(upstream.connectTimeout().toMillis()))
                // Backends' bodies go through untouched: decompressing would cost CPU and change Content-Length.
                .setDecompressionSupported(false);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(upstream.maxConnections())
                .setMaxWaitQueueSize(upstream.maxWaiting()));
    }

    private static HttpProxy proxy(HttpClient client, String service, URI url, GatewayConfig.Upstream upstream,
            ForwardingHeaders forwardingHeaders, BodyLimit bodyLimit, long maxBodySize, MeterRegistry registry) {
        // One RequestOptions per service, never modified: HttpClient.request(options) only reads it, so sharing it
        // saves an allocation per request. The connect timeout also bounds the wait for a pooled connection; the
        // idle timeout fails a request whose backend stays silent that long.
        RequestOptions target = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port(url), url.getHost()))
                .setConnectTimeout(upstream.connectTimeout().toMillis())
                .setIdleTimeout(upstream.timeout().toMillis());
        // No WebSocket tunnelling: an upgraded connection would bypass every interceptor and filter.
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(context -> client.request(target).compose(request -> {
                    // http-proxy resets the request when either side fails; without a handler Vert.x logs each reset
                    // as an error, though it is what the gateway meant to do
                    request.exceptionHandler(failure -> Log.debugf("%s request ended: %s", service, failure));
                    // A client that went away while the exchange was being set up (a connection from the pool,
                    // a broken chunk) is never followed by a request to the service that would wait for its body.
                    if (context.request().proxiedRequest().response().closed()) {
                        request.reset();
                        return Future.failedFuture(new ClientGone());
                    }
                    return Future.succeededFuture(request);
                }))
                // Order matters: failures are mapped around everything else, so they see every error.
                .addInterceptor(new UpstreamFailures(service, upstream.timeout(), maxBodySize, registry))
                .addInterceptor(bodyLimit)
                .addInterceptor(forwardingHeaders);
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The client closed its connection before its request was sent on. */
    static final class ClientGone extends RuntimeException {

        ClientGone() {
            super("the client closed the connection", null, false, false);
        }
    }
}
