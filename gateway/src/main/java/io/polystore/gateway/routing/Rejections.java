package io.polystore.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Refusing a request before it reaches a service (401, 403, 429, 503, and the gateway's 400/413) without letting its
 * body hold the connection: a body the gateway never read is not drained without bound.
 * <ul>
 * <li>No body, or a body already received: the answer, and the connection serves the next request.</li>
 * <li>A body announced by {@code Content-Length} of at most {@link #DRAIN_MAX_BYTES}: the answer, then the body is read
 * and dropped so the connection can serve the next request, unless it takes longer than {@link #LINGER_MILLIS}; then
 * the connection is closed.</li>
 * <li>Any other body (larger, or chunked): the answer with {@code Connection: close}; the connection is closed once the
 * body ends, {@link #DRAIN_MAX_BYTES} of it have been read, or {@link #LINGER_MILLIS} have passed, whichever comes
 * first (reading a little first lets the client see the answer instead of a reset).</li>
 * </ul>
 */
public final class Rejections {

    /** The most of an unread body the gateway reads (and drops) after refusing a request. */
    public static final long DRAIN_MAX_BYTES = 64 * 1024;
    /** The longest the gateway keeps reading a refused request's body. */
    public static final long LINGER_MILLIS = 1_000;

    private Rejections() {
    }

    /** Answers with a problem; see the class comment for the connection. */
    public static void reject(HttpServerRequest request, int status, String title, String detail, String instance,
            String missingScope) {
        HttpServerResponse response = request.response();
        long length = bodyLength(request);
        if (request.isEnded() || length == 0) {
            Problems.send(response, status, title, detail, instance, missingScope);
            if (!request.isEnded()) {
                request.resume(); // nothing to read but the end of the request
            }
            return;
        }
        boolean smallKnownLength = length <= DRAIN_MAX_BYTES;
        if (!smallKnownLength) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        Problems.send(response, status, title, detail, instance, missingScope);
        drainThenMaybeClose(request, !smallKnownLength);
    }

    /**
     * Answers with a problem and closes the connection after it, whatever the body: for requests whose framing cannot
     * be trusted (what follows them might be read as another request).
     */
    public static void rejectAndClose(HttpServerRequest request, int status, String title, String detail,
            String instance) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Problems.send(response, status, title, detail, instance, null)
                .onComplete(ignored -> close(request.connection()));
    }

    /**
     * Closes the connection after reading (and dropping) what is left of the request's body, at most
     * {@link #DRAIN_MAX_BYTES} or for {@link #LINGER_MILLIS}: the client gets to read the answer already sent.
     */
    public static void lingerThenClose(HttpServerRequest request) {
        if (request.isEnded()) {
            close(request.connection());
        } else {
            drainThenMaybeClose(request, true);
        }
    }

    private static void drainThenMaybeClose(HttpServerRequest request, boolean closeAtEnd) {
        HttpConnection connection = request.connection();
        Vertx vertx = Vertx.currentContext().owner();
        long[] read = {0};
        boolean[] done = {false};
        long timer = vertx.setTimer(LINGER_MILLIS, id -> {
            if (!done[0]) {
                done[0] = true;
                close(connection);
            }
        });
        request.exceptionHandler(failure -> {
            done[0] = true;
            vertx.cancelTimer(timer);
        });
        request.handler(buffer -> {
            read[0] += buffer.length();
            if (read[0] > DRAIN_MAX_BYTES && !done[0]) {
                done[0] = true;
                vertx.cancelTimer(timer);
                close(connection);
            }
        });
        request.endHandler(ignored -> {
            vertx.cancelTimer(timer);
            if (!done[0]) {
                done[0] = true;
                if (closeAtEnd) {
                    close(connection);
                }
            }
        });
        request.resume();
    }

    private static void close(HttpConnection connection) {
        if (connection != null) {
            connection.close();
        }
    }

    /**
     * The announced body length: 0 without {@code Content-Length} and {@code Transfer-Encoding} (no body),
     * {@link Long#MAX_VALUE} when chunked (unknown) or not a number.
     */
    static long bodyLength(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Long.MAX_VALUE;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
