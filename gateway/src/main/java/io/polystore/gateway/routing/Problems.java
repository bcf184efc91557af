package io.polystore.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details, the one error format the gateway itself answers with. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Buffer body(int status, String title, String detail, String instance) {
        return problem(status, title, detail, instance).toBuffer();
    }

    private static JsonObject problem(int status, String title, String detail, String instance) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    public static Future<Void> send(HttpServerResponse response, int status, String title, String detail,
            String instance) {
        return send(response, status, title, detail, instance, null);
    }

    /**
     * With {@code missingScope} (403s: the scope the API key lacks), as the services name it. {@code instance} may be
     * null (a request whose target cannot be trusted). Nothing is sent to a client that is gone.
     */
    public static Future<Void> send(HttpServerResponse response, int status, String title, String detail,
            String instance, String missingScope) {
        if (response.closed() || response.ended()) {
            return Future.succeededFuture();
        }
        JsonObject problem = problem(status, title, detail, instance);
        if (missingScope != null) {
            problem.put("missingScope", missingScope);
        }
        Buffer body = problem.toBuffer();
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /**
     * The reason phrase used as a problem's title, e.g. "Not Found": RFC 9110's, where Netty still has RFC 2616's
     * (413).
     */
    public static String title(int status) {
        if (status == 413) {
            return "Content Too Large";
        }
        return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
