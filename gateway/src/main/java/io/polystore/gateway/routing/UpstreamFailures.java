package io.polystore.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes every error a client gets from a proxied route a problem document, and times each exchange up to the service's
 * response headers ({@code gateway_upstream_latency_seconds{service,outcome}}).
 * <ul>
 * <li>A service that cannot be reached or stays silent: 502 or 504 (http-proxy alone would answer an empty 502 for
 * both).</li>
 * <li>Too many requests already waiting for a connection to the service: 503 with {@code Retry-After: 1}, at once
 * ({@code outcome="busy"}).</li>
 * <li>A chunked body over the size limit ({@link BodyLimit}): 413, and the connection is closed.</li>
 * <li>A client that went away before the service answered is counted as {@code outcome="client_closed"}, not as the
 * service being unreachable; nothing is answered.</li>
 * <li>A 4xx or 5xx the service answers without a JSON body (a framework's HTML 404 for a path it has no route for, an
 * empty 405): the same status as problem+json. Its JSON answers (problem documents) pass through untouched.</li>
 * </ul>
 */
final class UpstreamFailures implements ProxyInterceptor {

    static final String LATENCY = "gateway.upstream.latency";
    /** Headers of a service's error answer that stay when its body is replaced. */
    private static final List<String> KEPT = List.of("allow", "retry-after", "www-authenticate");

    private final String service;
    private final String unreachable;
    private final String silent;
    private final long maxBodySize;
    private final Timer answered;
    private final Timer failed;
    private final Timer timedOut;
    private final Timer clientClosed;
    private final Timer busy;
    private final String tooBusy;

    UpstreamFailures(String service, Duration timeout, long maxBodySize, MeterRegistry registry) {
        this.service = service;
        this.unreachable = service + " is not reachable";
        this.silent = service + " did not answer within " + describe(timeout);
        this.maxBodySize = maxBodySize;
        this.answered = latency(registry, service, "response");
        this.failed = latency(registry, service, "unreachable");
        this.timedOut = latency(registry, service, "timeout");
        this.clientClosed = latency(registry, service, "client_closed");
        this.busy = latency(registry, service, "busy");
        this.tooBusy = "Too many requests are waiting for " + service + "; try again shortly";
    }

    private static Timer latency(MeterRegistry registry, String service, String outcome) {
        return Timer.builder(LATENCY)
                .description("From sending a request to a service until its response headers arrived (response), "
                        + "until the gateway gave up (unreachable, timeout, busy: too many waiting for a connection), "
                        + "or until the client went away (client_closed)")
                .tag("service", service)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        long started = System.nanoTime();
        return context.sendRequest().transform(result -> {
            if (result.succeeded()) {
                answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return Future.succeededFuture(result.result());
            }
            Throwable failure = result.cause();
            ProxyRequest request = context.request();
            HttpServerRequest client = request.proxiedRequest();
            if (Boolean.TRUE.equals(context.get(BodyLimit.EXCEEDED, Boolean.class))) {
                answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                Log.debugf("%s %s: the chunked body passed %d bytes; aborted", client.method(), client.path(),
                        maxBodySize);
                client.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                return Future.succeededFuture(problem(request, 413, Problems.title(413),
                        "The request body is larger than " + maxBodySize + " bytes"));
            }
            if (client.response().closed()) {
                clientClosed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                Log.debugf("%s %s: the client went away before %s answered", client.method(), client.path(),
                        service);
                return Future.failedFuture(failure); // nobody to answer
            }
            if (failure instanceof ConnectionPoolTooBusyException) {
                busy.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                client.response().putHeader("Retry-After", "1");
                return Future.succeededFuture(problem(request, 503, "Service Unavailable", tooBusy));
            }
            boolean timeout = isTimeout(failure);
            (timeout ? timedOut : failed).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Log.debugf("%s %s failed: %s", client.method(), client.path(), failure);
            return Future.succeededFuture(timeout
                    ? problem(request, 504, "Gateway Timeout", silent)
                    : problem(request, 502, "Bad Gateway", unreachable));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        int status = response.getStatusCode();
        if (status >= 400 && !isJson(response.headers().get(HttpHeaders.CONTENT_TYPE))) {
            asProblem(context.request(), response, status);
        }
        Future<Void> sent = context.sendResponse();
        if (Boolean.TRUE.equals(context.get(BodyLimit.EXCEEDED, Boolean.class))) {
            // a body cut off at the size limit: what follows it on this connection is not a request
            HttpServerRequest client = context.request().proxiedRequest();
            sent.onComplete(ignored -> Rejections.lingerThenClose(client));
        }
        return sent;
    }

    /** Replaces a service's error answer that is not JSON with a problem document of the same status. */
    private void asProblem(ProxyRequest request, ProxyResponse response, int status) {
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        for (String name : KEPT) {
            kept.add(name, response.headers().getAll(name));
        }
        String path = request.proxiedRequest().path();
        String detail = status == 404
                ? service + " has nothing at " + path
                : service + " answered " + status + " without a problem document";
        response.release()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(Problems.body(status, Problems.title(status), detail, path)));
        kept.forEach(header -> response.headers().add(header.getKey(), header.getValue()));
    }

    /** {@code application/json} or any {@code application/*+json}, with or without parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.equalsIgnoreCase("application/json")
                || type.regionMatches(true, 0, "application/", 0, 12) && type.toLowerCase(java.util.Locale.ROOT)
                        .endsWith("+json");
    }

    static boolean isTimeout(Throwable failure) {
        // A connect that timed out is a timeout too (504), while a refused one means nobody listens (502).
        return failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
    }

    private static ProxyResponse problem(ProxyRequest request, int status, String title, String detail) {
        String path = request.proxiedRequest().path();
        return request.release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(Problems.body(status, title, detail, path)));
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
