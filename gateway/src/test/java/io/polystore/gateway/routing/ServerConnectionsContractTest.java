package io.polystore.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.store.FreePort;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds the Vert.x internals {@link ServerConnections} relies on against the Vert.x on the class path: when an upgrade
 * changes them, this fails here (the gateway would only log a warning and run without its connection guard). Plain
 * Vert.x, an HTTP server configured as Quarkus configures the gateway's (HTTP/1.1, no h2c).
 */
class ServerConnectionsContractTest {

    static final Duration HEADER_TIMEOUT = Duration.ofMillis(500);

    Vertx vertx;
    int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        port = FreePort.find();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(4096).setMaxHeaderSize(8192))
                .requestHandler(request -> request.response().end("ok"));
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int hooked = new ServerConnections(vertx, HEADER_TIMEOUT, true).hookServers();
        assertEquals(1, hooked, "the listening server's socket is found and hooked");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void parserRefusalsAreProblemDocuments() throws Exception {
        assertProblem(exchange("GET / HTTP/1.1\r\nHost: a\r\nNo colon\r\n\r\n"), 400);
        assertProblem(exchange("GET /" + "x".repeat(5000) + " HTTP/1.1\r\nHost: a\r\n\r\n"), 414);
        assertProblem(exchange("GET / HTTP/1.1\r\nHost: a\r\nX: " + "y".repeat(9000) + "\r\n\r\n"), 431);
        assertProblem(exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 505);
        assertProblem(exchange("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n"), 400);
        String fine = exchange("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertTrue(fine.startsWith("HTTP/1.1 200"), fine);
    }

    @Test
    void headersMustArriveWithinTheDeadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                try {
                    out.write('X');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                if (endOfStream(socket, 100)) {
                    break;
                }
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs >= HEADER_TIMEOUT.toMillis() - 50 && tookMs < HEADER_TIMEOUT.toMillis() + 3_000,
                    "closed after " + tookMs + " ms");
        }
    }

    static void assertProblem(String response, int status) {
        assertTrue(response.startsWith("HTTP/1.1 " + status), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        JsonObject problem = new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals(status, problem.getInteger("status"));
    }

    Socket connect() throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    /** Sends the bytes and reads until the server closes the connection. */
    String exchange(String request) throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(response);
            } catch (java.net.SocketException reset) {
                // closed after the answer
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    static boolean endOfStream(Socket socket, int waitMs) throws Exception {
        socket.setSoTimeout(waitMs);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
