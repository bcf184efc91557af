package io.polystore.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a service that cannot be reached or stays silent into a problem response: http-proxy alone would answer an
 * empty 502 for both. Also times each exchange up to the service's response headers
 * ({@code gateway_upstream_latency_seconds{service,outcome}}).
 */
final class UpstreamFailures implements ProxyInterceptor {

    static final String LATENCY = "gateway.upstream.latency";

    private final String unreachable;
    private final String silent;
    private final Timer answered;
    private final Timer failed;
    private final Timer timedOut;

    UpstreamFailures(String service, Duration timeout, MeterRegistry registry) {
        this.unreachable = service + " is not reachable";
        this.silent = service + " did not answer within " + describe(timeout);
        this.answered = latency(registry, service, "response");
        this.failed = latency(registry, service, "unreachable");
        this.timedOut = latency(registry, service, "timeout");
    }

    private static Timer latency(MeterRegistry registry, String service, String outcome) {
        return Timer.builder(LATENCY)
                .description("From sending a request to a service until its response headers arrived (response), "
                        + "or until the gateway gave up (unreachable, timeout)")
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
            boolean timeout = isTimeout(failure);
            (timeout ? timedOut : failed).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Log.debugf("%s %s failed: %s", context.request().getMethod(), context.request().getURI(), failure);
            return Future.succeededFuture(timeout
                    ? problem(context.request(), 504, "Gateway Timeout", silent)
                    : problem(context.request(), 502, "Bad Gateway", unreachable));
        });
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
