package io.polystore.gateway.routing;

import io.netty.util.IllegalReferenceCountException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the gateway answers and logs when a request fails in a way no handler answered, and what it logs about clients
 * that misbehave or go away.
 * <ul>
 * <li>A failed request on the public port gets a problem document of its status (500 when it has none), never Quarkus'
 * error page; a 5xx is logged as an error, a 4xx (the client's doing) at DEBUG, without a stack trace.</li>
 * <li>Exceptions Vert.x reports with no handler to take them that a client caused by going away mid-exchange (a reset
 * or closed connection, http-proxy's double release of a buffer in its reset path:
 * {@link IllegalReferenceCountException}) are logged at DEBUG without a stack trace and counted; everything else goes
 * to the handler that was there before (Quarkus logs it as an error).</li>
 * </ul>
 */
@Singleton
public class ErrorAnswers {

    private final Vertx vertx;
    private final boolean serving;
    private final AtomicLong clientNoise = new AtomicLong();

    ErrorAnswers(Vertx vertx,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        this.vertx = vertx;
        this.serving = serving;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    void install(@Observes StartupEvent started) {
        if (!serving) {
            return;
        }
        Handler<Throwable> previous = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (causedByClient(failure)) {
                clientNoise.incrementAndGet();
                Log.debugf("a client went away mid-exchange: %s", String.valueOf(failure));
            } else if (previous != null) {
                previous.handle(failure);
            } else {
                Log.error("Unhandled exception", failure);
            }
        });
    }

    /** How many client-caused exceptions were logged at DEBUG (tests). */
    public long clientNoise() {
        return clientNoise.get();
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        Throwable failure = context.failure();
        if (status >= 500 && !causedByClient(failure)) {
            Log.errorf(failure, "%s %s failed", context.request().method(), context.request().path());
        } else {
            Log.debugf("%s %s: %d (%s)", context.request().method(), context.request().path(), status,
                    String.valueOf(failure));
        }
        if (context.response().closed() || context.response().headWritten()) {
            if (!context.response().closed()) {
                context.response().reset();
            }
            return;
        }
        String path = context.request().path();
        ProxyRoutes.tagMetrics("/*");
        Problems.send(context.response(), status, Problems.title(status), detail(status, failure),
                path != null && path.startsWith("/") ? path : null);
    }

    private static String detail(int status, Throwable failure) {
        if (status >= 500) {
            return "The gateway could not answer this request";
        }
        if (status == 404) {
            return "The gateway serves /api/..., /health and /openapi only";
        }
        if (failure instanceof VertxException && failure.getMessage() != null) {
            return failure.getMessage(); // Vert.x Web's own checks, e.g. the Host header an HTTP/1.1 request needs
        }
        return "The request cannot be served";
    }

    /** Whether a failure is what a client going away (or breaking the protocol) leaves behind. */
    static boolean causedByClient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalReferenceCountException || t instanceof HttpClosedException
                    || t instanceof StreamResetException || t instanceof ClosedChannelException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof IOException && (message.contains("reset by peer") || message.contains("Broken pipe"))
                    || t instanceof VertxException && message.contains("Connection was closed")) {
                return true;
            }
        }
        return false;
    }
}
