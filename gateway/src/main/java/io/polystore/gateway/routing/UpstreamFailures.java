package io.polystore.gateway.routing;

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
import java.util.concurrent.TimeoutException;

/**
 * Turns a service that cannot be reached or stays silent into a problem response: http-proxy alone would answer an
 * empty 502 for both.
 */
final class UpstreamFailures implements ProxyInterceptor {

    private final String unreachable;
    private final String silent;

    UpstreamFailures(String service, Duration timeout) {
        this.unreachable = service + " is not reachable";
        this.silent = service + " did not answer within " + describe(timeout);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            Log.debugf("%s %s failed: %s", context.request().getMethod(), context.request().getURI(), failure);
            return Future.succeededFuture(isTimeout(failure)
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
