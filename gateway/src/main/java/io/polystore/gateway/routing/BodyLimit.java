package io.polystore.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Caps chunked request bodies like sized ones: a body of unknown length is counted while it streams to the service, and
 * once it passes {@code quarkus.http.limits.max-body-size} the exchange with the service is aborted and the client gets
 * 413 ({@link UpstreamFailures} answers it and closes the connection). Bodies with a {@code Content-Length} are checked
 * before proxying ({@link RequestGuard}).
 */
final class BodyLimit implements ProxyInterceptor {

    /** The {@link ProxyContext} attachment that says a body was cut off. */
    static final String EXCEEDED = "polystore.body-limit.exceeded";

    private final long maxBodySize;

    BodyLimit(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body != null && body.length() < 0 && maxBodySize != Long.MAX_VALUE) {
            request.setBody(Body.body(new Capped(body.stream(), maxBodySize, context), -1));
        }
        return context.sendRequest();
    }

    /** Thrown into the body's pipe when the cap is passed: the pipe aborts the request to the service. */
    static final class TooLarge extends RuntimeException {

        TooLarge(long max) {
            super("the request body is larger than " + max + " bytes", null, false, false);
        }
    }

    /** The client's body as the service gets it, with a byte count. */
    static final class Capped implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        private final long max;
        private final ProxyContext context;
        private Handler<Throwable> exceptionHandler;
        private long seen;
        private boolean exceeded;

        Capped(ReadStream<Buffer> source, long max, ProxyContext context) {
            this.source = source;
            this.max = max;
            this.context = context;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(buffer -> {
                if (exceeded) {
                    return; // dropped: the exchange is being aborted
                }
                seen += buffer.length();
                if (seen <= max) {
                    handler.handle(buffer);
                    return;
                }
                exceeded = true;
                context.set(EXCEEDED, Boolean.TRUE);
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new TooLarge(max));
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler);
            return this;
        }
    }
}
