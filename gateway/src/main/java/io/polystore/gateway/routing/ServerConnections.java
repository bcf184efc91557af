package io.polystore.gateway.routing;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.polystore.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ServerID;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the gateway does with each client connection before Vert.x parses a request on it, which Quarkus (it creates the
 * HTTP server) offers no hook for. The one place in the gateway's HTTP path that relies on Vert.x internals;
 * {@code ServerConnectionsContractTest} fails loudly when an upgrade changes one of them.
 * <ul>
 * <li><b>Header deadline.</b> A client must send a request's line and headers within
 * {@code gateway.http.header-timeout} (10 s) of its first byte (of the connection's opening, for the first request),
 * else the connection is closed: trickling headers cannot hold a connection. Idle keep-alive connections are closed by
 * {@code quarkus.http.idle-timeout}.</li>
 * <li><b>Requests the parser refuses</b> (malformed request line or header, conflicting {@code Content-Length} and
 * {@code Transfer-Encoding}, a request line longer than {@code quarkus.http.limits.max-initial-line-length}, headers
 * larger than {@code quarkus.http.limits.max-header-size}) get a problem+json 400, 414 or 431 instead of Vert.x' empty
 * one; the connection is closed after it, as Vert.x does.</li>
 * <li><b>Socket errors</b> of a client connection (reset by peer, ...) are logged at DEBUG, not as errors.</li>
 * </ul>
 * Internals used: {@link VertxInternal#sharedHttpServers()} (the listening servers), the private
 * {@code TCPServerBase.bindFuture} (the server socket channel, whose pipeline gets a handler that sees each accepted
 * channel first), the Netty handler names {@code httpDecoder} and {@code handler} of Vert.x' HTTP/1.x pipeline,
 * {@link VertxHandler#getConnection()} and {@link HttpServerConnection#invalidRequestHandler}. Installed when the
 * application has started (the servers listen by then), so connections accepted in the first milliseconds keep Vert.x'
 * defaults. Plain HTTP/1.1 only (no TLS, no h2c: {@code quarkus.http.http2=false}).
 */
@Singleton
public class ServerConnections {

    /** A plain logger: this class also runs outside Quarkus (its contract test). */
    private static final Logger LOG = Logger.getLogger(ServerConnections.class);

    static final String ACCEPTOR = "polystore-acceptor";
    static final String GUARD = "polystore-connection-guard";
    static final String HEADERS_SEEN = "polystore-headers-seen";
    /** Vert.x' names in its HTTP/1.x pipeline. */
    static final String VERTX_DECODER = "httpDecoder";
    static final String VERTX_HANDLER = "handler";

    private final Vertx vertx;
    private final long headerTimeoutNanos;
    private final boolean serving;
    private final Handler<HttpServerRequest> invalidRequests = ServerConnections::answerInvalid;
    private final Handler<Throwable> socketErrors = failure -> LOG.debugf("client connection failed: %s",
            String.valueOf(failure));
    private final List<Channel> hooked = new ArrayList<>();

    @jakarta.inject.Inject
    ServerConnections(Vertx vertx, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        this(vertx, config.http().headerTimeout(), serving);
    }

    /** For the contract test: the servers of any Vert.x instance. */
    ServerConnections(Vertx vertx, java.time.Duration headerTimeout, boolean serving) {
        this.vertx = vertx;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.serving = serving;
    }

    /** Quarkus announces its HTTP server once it listens. */
    void install(@ObservesAsync HttpServerStart started) {
        install();
    }

    void install() {
        if (!serving) {
            return; // an ops command: no HTTP server
        }
        try {
            int count = hookServers();
            LOG.debugf("Connection guard installed on %d server socket(s)", count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ReflectiveOperationException | ExecutionException | TimeoutException
                | LinkageError e) {
            LOG.warnf("The connection guard could not be installed (Vert.x internals changed?): %s. Requests whose "
                    + "headers trickle are bounded only by quarkus.http.idle-timeout, and parser errors have empty "
                    + "bodies", e.toString());
        }
    }

    /** Hooks every listening HTTP server socket of this Vert.x instance; returns how many. */
    int hookServers() throws ReflectiveOperationException, InterruptedException, ExecutionException,
            TimeoutException {
        Map<ServerID, HttpServerImpl> servers = ((VertxInternal) vertx).sharedHttpServers();
        List<HttpServerImpl> listening;
        synchronized (servers) {
            listening = new ArrayList<>(servers.values());
        }
        Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
        bindFuture.setAccessible(true);
        int count = 0;
        for (HttpServerImpl server : listening) {
            Object bound = bindFuture.get(server);
            if (bound instanceof Future<?> future && future.result() instanceof Channel channel) {
                // Added on the socket's own event loop, and waited for: from then on every accepted connection is
                // seen (a handler added from another thread is skipped until its event loop has run handlerAdded).
                boolean added = channel.eventLoop().submit(() -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(ACCEPTOR) != null) {
                        return false;
                    }
                    pipeline.addFirst(ACCEPTOR, new Acceptor());
                    return true;
                }).get(10, TimeUnit.SECONDS);
                if (added) {
                    synchronized (hooked) {
                        hooked.add(channel);
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /** How many server sockets are hooked (tests). */
    public int hookedServers() {
        synchronized (hooked) {
            return hooked.size();
        }
    }

    /** On the server socket: each accepted channel gets a {@link Guard}, ahead of what Vert.x will add. */
    @ChannelHandler.Sharable
    final class Acceptor extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                child.pipeline().addLast(GUARD, new Guard());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * First in a client connection's pipeline, it sees the raw bytes: the first byte of a request starts the header
     * deadline, which {@link HeadersSeen} (right after Vert.x' decoder) stops when the request's headers are parsed.
     */
    final class Guard extends ChannelInboundHandlerAdapter {

        /** From a request's first byte to its end: the next byte after it starts the next request's deadline. */
        private boolean inRequest;
        private boolean configured;
        private ScheduledFuture<?> deadline;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get(VERTX_DECODER) != null && pipeline.get(VERTX_HANDLER) instanceof VertxHandler<?> vertx
                    && vertx.getConnection() instanceof HttpServerConnection connection) {
                pipeline.addAfter(VERTX_DECODER, HEADERS_SEEN, new HeadersSeen(this));
                connection.invalidRequestHandler(invalidRequests);
                connection.exceptionHandler(socketErrors);
                configured = true;
                startDeadline(ctx); // the first request's headers are due from the connection's opening
            } else {
                pipeline.remove(this); // not a plain HTTP/1.x connection (TLS, HTTP/2): nothing to do here
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (configured && !inRequest) {
                startDeadline(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stopDeadline();
            ctx.fireChannelInactive();
        }

        private void startDeadline(ChannelHandlerContext ctx) {
            inRequest = true;
            deadline = ctx.executor().schedule(() -> {
                if (deadline != null && ctx.channel().isOpen()) {
                    LOG.debugf("closing a connection from %s: no complete request headers within %d ms",
                            ctx.channel().remoteAddress(), TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos));
                    ctx.close();
                }
            }, headerTimeoutNanos, TimeUnit.NANOSECONDS);
        }

        void headersSeen() {
            stopDeadline();
        }

        void requestEnded() {
            inRequest = false; // the next byte starts the next request
        }

        private void stopDeadline() {
            ScheduledFuture<?> pending = deadline;
            deadline = null;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }

    /**
     * Right after Vert.x' decoder: a request's headers are in (valid or not), or its body has ended. After a request
     * that could not be parsed, nothing more from the connection reaches Vert.x: it is answered and closed, and what
     * followed it in the same packet is not a request.
     */
    static final class HeadersSeen extends ChannelInboundHandlerAdapter {

        private final Guard guard;
        private boolean discarding;

        HeadersSeen(Guard guard) {
            this.guard = guard;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (discarding) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                guard.headersSeen();
                HttpVersion version = request.protocolVersion();
                if (request.decoderResult().isFailure()) {
                    // Netty marks a request it could not parse as HTTP/1.0: the answer goes out as HTTP/1.1
                    request.setProtocolVersion(HttpVersion.HTTP_1_1);
                } else if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
                    // Vert.x would answer an empty 501 in the client's version; this way the invalid-request handler
                    // answers, in HTTP/1.1
                    request.setProtocolVersion(HttpVersion.HTTP_1_1);
                    request.setDecoderResult(DecoderResult.failure(new UnsupportedVersion(version)));
                }
                discarding = request.decoderResult().isFailure();
            }
            if (msg instanceof LastHttpContent) {
                guard.requestEnded();
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** A request in a version other than HTTP/1.0 or 1.1 (e.g. an HTTP/2 preface sent in clear). */
    static final class UnsupportedVersion extends IllegalArgumentException {

        UnsupportedVersion(HttpVersion version) {
            super("HTTP version not supported: " + version.text());
        }
    }

    /** A request Vert.x' parser refused: problem+json, then the connection is closed (its framing is lost). */
    static void answerInvalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String detail;
        if (cause instanceof UnsupportedVersion) {
            status = 505;
            detail = "The gateway speaks HTTP/1.1 (and 1.0)";
        } else if (cause instanceof TooLongHttpLineException) {
            status = 414;
            detail = "The request line is too long";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            detail = "The request's header fields are too large";
        } else {
            status = 400;
            detail = describe(cause);
        }
        LOG.debugf("refused a request the HTTP parser could not read (%d): %s", status, String.valueOf(cause));
        ProxyRoutes.tagMetrics("/");
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Problems.send(request.response(), status, Problems.title(status), detail, null)
                .onComplete(ignored -> request.response().close());
    }

    private static String describe(Throwable cause) {
        String message = cause == null ? "" : String.valueOf(cause.getMessage());
        if (message.contains("Content-Length") && message.contains("Transfer-Encoding")
                || message.contains("Transfer-Encoding") || message.contains("chunked")) {
            return "The request's framing is ambiguous or not supported (Content-Length together with "
                    + "Transfer-Encoding, or a Transfer-Encoding other than chunked)";
        }
        if (message.contains("Content-Length")) {
            return "The request's Content-Length is not valid";
        }
        return "The request is not valid HTTP/1.1 (request line, header syntax or framing)";
    }
}
