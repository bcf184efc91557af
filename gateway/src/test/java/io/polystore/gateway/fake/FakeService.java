package io.polystore.gateway.fake;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for one Polystore service: readiness in the SmallRye Health format, and an echo of
 * every other request (method, URI, headers, body digest) with hop-by-hop headers in its response. The fake
 * incident-service also verifies API keys ({@link FakeKeys}).
 */
public final class FakeService {

    private final Vertx vertx;
    private final String name;
    private final String database;
    private final int port;
    private final AtomicInteger readinessRequests = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> abortedAt = new ConcurrentLinkedQueue<>();
    private volatile Mode mode = Mode.CLOSED;
    private volatile String apiDocument;
    private HttpServer server;

    FakeService(Vertx vertx, String name, String database, int port) {
        this.vertx = vertx;
        this.name = name;
        this.database = database;
        this.port = port;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int readinessRequests() {
        return readinessRequests.get();
    }

    /** The URIs of the API requests this fake received (not readiness, not key verifications), oldest first. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /**
     * When ({@link System#nanoTime()}) exchanges ended without the request's body or the response being complete: the
     * gateway aborted them (or the connection to it broke).
     */
    public List<Long> aborted() {
        return List.copyOf(abortedAt);
    }

    /** Forgets what was received and aborted. */
    /** What {@code GET /q/openapi} answers from now on (a JSON text); null: 404. */
    public void apiDocument(String document) {
        apiDocument = document;
    }

    public void forget() {
        received.clear();
        abortedAt.clear();
    }

    /** Switches behaviour; returns once the port is open or closed accordingly. */
    public synchronized FakeService mode(Mode next) {
        if (next == Mode.CLOSED && server != null) {
            await(server.close().map(v -> (Void) null));
            server = null;
        } else if (next != Mode.CLOSED && server == null) {
            HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(this::handle);
            await(created.listen().map(s -> (Void) null));
            server = created;
        }
        mode = next;
        return this;
    }

    private void handle(HttpServerRequest request) {
        Mode current = mode;
        boolean isReadiness = request.path().equals("/q/health/ready");
        if (isReadiness) {
            readinessRequests.incrementAndGet();
        }
        if (current == Mode.SILENT) {
            return;
        }
        if (isReadiness) {
            readiness(request, current);
        } else if (request.path().equals("/q/openapi")) {
            String document = apiDocument;
            if (document == null) {
                request.response().setStatusCode(404).end();
            } else {
                request.response().putHeader("content-type", "application/json").end(document);
            }
        } else if (name.equals("incident-service") && request.path().equals("/internal/keys/verify")
                && request.method().name().equals("POST")) {
            FakeKeys.verify(request);
        } else {
            received.add(request.uri());
            request.connection().closeHandler(ignored -> {
                if (!request.response().ended()) {
                    abortedAt.add(System.nanoTime());
                }
            });
            if (request.path().endsWith("/stream")) {
                stream(request);
            } else if (request.path().endsWith("/html-404")) {
                // what a framework answers for a path it has no route for
                request.response().setStatusCode(404).putHeader("content-type", "text/html;charset=UTF-8")
                        .end("<html><body><h1>Resource not found</h1></body></html>");
            } else if (request.path().endsWith("/empty-405")) {
                request.response().setStatusCode(405).putHeader("allow", "GET, HEAD").end();
            } else {
                String after = request.getHeader("x-respond-after"); // milliseconds before answering
                request.body().onSuccess(body -> {
                    if (after != null) {
                        vertx.setTimer(Long.parseLong(after), id -> echo(request, body));
                    } else {
                        echo(request, body);
                    }
                });
            }
        }
    }

    private void readiness(HttpServerRequest request, Mode current) {
        if (current == Mode.GARBAGE) {
            request.response().putHeader("content-type", "text/html").end("<html>502 from some proxy</html>");
            return;
        }
        String status = current == Mode.UP ? "UP" : "DOWN";
        JsonObject body = new JsonObject().put("status", status).put("checks", new JsonArray()
                .add(new JsonObject().put("name", database).put("status", status))
                .add(new JsonObject().put("name", "other-check").put("status", "UP")));
        request.response().setStatusCode(current == Mode.UP ? 200 : 503)
                .putHeader("content-type", "application/json")
                .end(body.encode());
    }

    private void echo(HttpServerRequest request, Buffer body) {
        {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(header -> headers.put(header.toLowerCase(),
                    String.join(",", request.headers().getAll(header))));
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length())
                    .put("bodySha256", sha256(body))
                    .put("body", body.length() <= 1024 ? body.toString() : null);
            String status = request.getHeader("x-respond-with");
            MultiMap response = request.response().headers();
            response.add("content-type", "application/json")
                    .add("x-backend", name)
                    .add("keep-alive", "timeout=5")
                    .add("connection", "keep-alive, x-response-hop")
                    .add("x-response-hop", "secret")
                    .add("proxy-authenticate", "Basic realm=fake")
                    .add("proxy-agent", "fake")
                    .add("upgrade", "fake/1");
            String extra = request.getHeader("x-respond-header"); // "Name=value": one more response header
            if (extra != null && extra.indexOf('=') > 0) {
                response.add(extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
            }
            if (!request.response().closed()) {
                request.response().setStatusCode(status == null ? 200 : Integer.parseInt(status)).end(echo.encode());
            }
        }
    }

    /** Sends a first chunk at once and the rest a while later, so buffering would show. */
    private void stream(HttpServerRequest request) {
        request.response().setChunked(true).putHeader("content-type", "text/plain");
        request.response().write("first-chunk;");
        vertx.setTimer(600, id -> request.response().end("second-chunk"));
    }

    void close() {
        mode(Mode.CLOSED);
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(io.vertx.core.Future<Void> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake service did not switch", e);
        }
    }
}
