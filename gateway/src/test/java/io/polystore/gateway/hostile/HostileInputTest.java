package io.polystore.gateway.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.GatewayClient;
import io.polystore.gateway.LogCapture;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeService;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.routing.ServerConnections;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What probing the gateway with hostile or broken HTTP found, each as a test, over raw sockets where an HTTP client
 * would not send it: ambiguous framing, broken chunks, absolute-form targets, trickled headers, h2c, bad Host headers,
 * oversized bodies, clients that go away. Every error the gateway answers is problem+json; nothing a client does is
 * logged as a warning or error, nor with a stack trace. The upstream timeout is long here (20 s), so an exchange the
 * gateway failed to abort would show.
 */
@QuarkusTest
@TestProfile(HostileInputTest.Hostile.class)
class HostileInputTest {

    static final String KEY = FakeKeys.STANDARD.apiKey();
    /** The header deadline of this profile. */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    /** Room for a loaded two-core machine. */
    static final Duration SLACK = Duration.ofSeconds(3);
    /** The idle timeout of this profile (60 s in production). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

    public static class Hostile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // a small pool to each service: an exchange the gateway fails to abort shows as a pool that runs dry
            return Map.of("gateway.upstream.timeout", "20s", "gateway.upstream.max-connections", "2",
                    "gateway.http.header-timeout", HEADER_TIMEOUT.toMillis() + "ms",
                    "quarkus.http.idle-timeout", IDLE_TIMEOUT.toMillis() + "ms");
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    LogCapture logs;
    FakeService catalog;
    FakeService incidents;

    @Inject
    ServerConnections connections;

    @BeforeEach
    void setUp() throws InterruptedException {
        long deadline = System.nanoTime() + SLACK.toNanos();
        while (connections.hookedServers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // installed when Quarkus announces its server, right after start-up
        }
        assertTrue(connections.hookedServers() > 0, "the connection guard is installed");
        FakeServices.allUp();
        catalog = FakeServices.get("catalog-service");
        incidents = FakeServices.get("incident-service");
        catalog.forget();
        incidents.forget();
        logs = LogCapture.start();
    }

    @AfterEach
    void nothingLoggedAsAProblem() throws InterruptedException {
        try {
            Thread.sleep(100); // what the last exchange logs after its response
            assertEquals(List.of(), logs.problems().stream().map(r -> r.getLevel() + " " + r.getMessage()).toList(),
                    "client behaviour is logged at INFO or below, without stack traces:\n"
                            + LogCapture.describe(logs.problems()));
        } finally {
            logs.close();
        }
    }

    String host() {
        return RawConnection.host(gateway);
    }

    RawConnection open() throws IOException {
        return RawConnection.open(gateway);
    }

    /** Ambiguous framing: 400 problem, the connection closed, and the bytes after it never served as a request. */
    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1|Content-Length: 5\r\nTransfer-Encoding: chunked\r\n|0\r\n\r\n",
            "HTTP/1.1|Transfer-Encoding: chunked\r\nContent-Length: 5\r\n|0\r\n\r\n",
            "HTTP/1.1|Transfer-Encoding: gzip\r\nContent-Length: 5\r\n|hello",
            "HTTP/1.1|Transfer-Encoding: identity\r\nContent-Length: 5\r\n|hello",
            "HTTP/1.1|Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n|0\r\n\r\n",
            "HTTP/1.1|Transfer-Encoding: gzip, chunked\r\n|0\r\n\r\n",
            "HTTP/1.1|Content-Length: 5\r\nContent-Length: 6\r\n|hello!",
            "HTTP/1.0|Transfer-Encoding: chunked\r\n|0\r\n\r\n"})
    void ambiguousFramingIs400AndTheConnectionIsClosed(String variant) throws Exception {
        String[] parts = variant.split("\\|", -1);
        String smuggled = "GET /api/incidents/smuggled HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                + "\r\n\r\n";
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/framing " + parts[0] + "\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n" + parts[1] + "\r\n" + parts[2] + smuggled);
            RawConnection.Response response = connection.read();
            assertProblem(response, 400);
            assertTrue(connection.closedWithin(SLACK), "the connection is closed after " + response);
        }
        Thread.sleep(200);
        assertEquals(List.of(), incidents.received(), "the bytes after the body were never served as a request");
        assertEquals(List.of(), catalog.received(), "the ambiguous request never reached the service");
    }

    /** A broken chunk size: the client's connection is closed and the exchange with the service aborted at once. */
    @Test
    void aBadChunkSizeAbortsTheExchangeWithTheServiceAtOnce() throws Exception {
        // The body starts after the service got the request: the gateway is streaming it when the chunk breaks.
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/chunks HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            awaitReceived(catalog, "/api/catalog/chunks");
            long broken = System.nanoTime();
            connection.send("zz\r\nnot a chunk\r\n");
            assertTrue(connection.closedWithin(SLACK), "the client's connection is closed");
            long abortedAfterMs = awaitAborted(catalog, broken);
            assertTrue(abortedAfterMs < SLACK.toMillis(), "the service's exchange ended " + abortedAfterMs
                    + " ms after the broken chunk (the upstream timeout is 20 s)");
        }
        // The chunk breaks in the first packet, while the request waits for its rate-limit decision: more such
        // requests than the pool to catalog-service has connections, and the pool still serves at once.
        catalog.forget();
        for (int i = 0; i < 4; i++) {
            try (RawConnection connection = open()) {
                connection.send("POST /api/catalog/early HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                        + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n");
                assertTrue(connection.closedWithin(SLACK), "the client's connection is closed");
            }
        }
        try (RawConnection connection = open()) {
            long started = System.nanoTime();
            connection.send("GET /api/catalog/after HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n\r\n");
            RawConnection.Response response = connection.read();
            assertEquals(200, response.status(), "no connection to catalog-service is pinned: " + response);
            assertTrue((System.nanoTime() - started) / 1_000_000 < SLACK.toMillis());
        }
        assertEquals(List.of("/api/catalog/after"), catalog.received(), "the broken requests were never sent on");
    }

    @Test
    void absoluteFormTargetsAreForwardedAsTheirPathAndQuery() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("POST http://evil.example/api/incidents?x=1 HTTP/1.1\r\nHost: " + host()
                    + "\r\nX-API-Key: " + KEY + "\r\nContent-Length: 2\r\n\r\n{}");
            RawConnection.Response response = connection.read();
            assertEquals(200, response.status(), response.toString());
            JsonObject echo = response.json();
            assertEquals("/api/incidents?x=1", echo.getString("uri"));
            assertEquals(host(), echo.getJsonObject("headers").getString("x-forwarded-host"),
                    "the service builds its links from the Host the gateway checked, never from the target");
            connection.send("GET HTTPS://evil.example/api/catalog/items HTTP/1.1\r\nHost: " + host()
                    + "\r\nX-API-Key: " + KEY + "\r\n\r\n");
            RawConnection.Response second = connection.read();
            assertEquals(200, second.status(), second.toString());
            assertEquals("/api/catalog/items", second.json().getString("uri"));
            connection.send("GET http://evil.example/api/bookings/7?x=1 HTTP/1.1\r\nHost: " + host()
                    + "\r\nX-API-Key: " + KEY + "\r\n\r\n");
            RawConnection.Response alias = connection.read();
            assertEquals(200, alias.status(), alias.toString());
            assertEquals("/api/payments/7?x=1", alias.json().getString("uri"),
                    "reduced to origin form, then the alias");
        }
        for (String target : new String[]{"OPTIONS * HTTP/1.1", "GET evil.example:443 HTTP/1.1",
                "GET ftp://evil.example/api/catalog HTTP/1.1"}) {
            try (RawConnection connection = open()) {
                connection.send(target + "\r\nHost: " + host() + "\r\nX-API-Key: " + KEY + "\r\n\r\n");
                RawConnection.Response response = connection.read();
                assertTrue(response.status() == 400 || response.status() == 404, response.toString());
                assertProblem(response, response.status());
            }
        }
        assertEquals(List.of("/api/incidents?x=1", "/api/catalog/items"), catalogAndIncidents());
        try (RawConnection connection = open()) {
            connection.send("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
            RawConnection.Response response = connection.read();
            assertTrue(response.status() == 405 || response.status() == 404, response.toString());
            assertProblem(response, response.status());
        }
    }

    @Test
    void headersThatTrickleAreCutOffAtTheHeaderDeadline() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/slow HTTP/1.1\r\nHost: " + host() + "\r\n");
            long started = System.nanoTime();
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        connection.send("X");
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException expected) {
                    // closed by the gateway
                }
            });
            assertTrue(connection.closedWithin(HEADER_TIMEOUT.plus(SLACK)), "a trickling client is cut off");
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs >= HEADER_TIMEOUT.toMillis() - 100, "not before the deadline: " + tookMs + " ms");
            trickle.get(10, TimeUnit.SECONDS);
        }
        try (RawConnection silent = open()) {
            assertTrue(silent.closedWithin(HEADER_TIMEOUT.plus(SLACK)), "a connection that sends nothing is closed");
        }
        // Within the deadline, slow headers are fine, and so is a second request on the same connection.
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/a HTTP/1.1\r\nHost: " + host() + "\r\n");
            Thread.sleep(HEADER_TIMEOUT.toMillis() / 3);
            connection.send("X-API-Key: " + KEY + "\r\n\r\n");
            assertEquals(200, connection.read().status());
            Thread.sleep(HEADER_TIMEOUT.toMillis() + 300); // idle between requests is not a header delay
            connection.send("GET /api/catalog/b HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY + "\r\n\r\n");
            assertEquals(200, connection.read().status());
        }
    }

    @Test
    void idleKeepAliveConnectionsAreClosed() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/idle HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n\r\n");
            assertEquals(200, connection.read().status());
            long answeredAt = System.nanoTime();
            assertFalse(connection.closedWithin(IDLE_TIMEOUT.minusMillis(1_000)), "kept alive while not idle long");
            assertTrue(connection.closedWithin(Duration.ofSeconds(1).plus(SLACK)), "closed once idle");
            long idleMs = (System.nanoTime() - answeredAt) / 1_000_000;
            assertTrue(idleMs >= IDLE_TIMEOUT.toMillis() - 100, "after " + idleMs + " ms");
        }
    }

    @Test
    void noH2c() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/h2c HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA"
                    + "\r\n\r\n");
            RawConnection.Response response = connection.read();
            assertEquals("HTTP/1.1 200 OK", response.statusLine(), "no 101 Switching Protocols");
            assertNull(response.json().getJsonObject("headers").getString("upgrade"));
        }
        try (RawConnection connection = open()) {
            connection.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            RawConnection.Response response = connection.read();
            assertTrue(response.statusLine().startsWith("HTTP/1.1 505"), "answered in HTTP/1.1: " + response);
            assertProblem(response, 505);
            assertTrue(connection.closedWithin(SLACK));
        }
    }

    @Test
    void hostHeadersAreChecked() throws Exception {
        String[][] cases = {
                {"HTTP/1.1", "Host: " + host() + "\r\nHost: evil.example\r\n"},
                {"HTTP/1.1", ""},
                {"HTTP/1.1", "Host: evil example\r\n"},
                {"HTTP/1.1", "Host: evil.example:99999\r\n"},
                {"HTTP/1.1", "Host: evil.example:\r\n"},
                {"HTTP/1.1", "Host: [::1\r\n"},
                {"HTTP/1.1", "Host: user@evil.example\r\n"},
                {"HTTP/1.1", "Host: \r\n"}};
        for (String[] hostCase : cases) {
            try (RawConnection connection = open()) {
                connection.send("GET /api/catalog/host " + hostCase[0] + "\r\n" + hostCase[1] + "X-API-Key: " + KEY
                        + "\r\n\r\n");
                RawConnection.Response response = connection.read();
                assertProblem(response, 400);
                if (hostCase[1].indexOf("Host:") != hostCase[1].lastIndexOf("Host:")) {
                    assertTrue(connection.closedWithin(SLACK), "closed after " + response);
                }
            }
            try (RawConnection connection = open()) {
                connection.send("GET /health " + hostCase[0] + "\r\n" + hostCase[1] + "\r\n");
                assertProblem(connection.read(), 400);
            }
        }
        assertEquals(List.of(), catalog.received());
        // Valid ones: an IPv6 literal, HTTP/1.0 without Host.
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/v6 HTTP/1.1\r\nHost: [::1]:8080\r\nX-API-Key: " + KEY + "\r\n\r\n");
            assertEquals(200, connection.read().status());
        }
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/old HTTP/1.0\r\nX-API-Key: " + KEY + "\r\n\r\n");
            assertEquals(200, connection.read().status());
        }
    }

    @Test
    void everyErrorTheGatewayAnswersIsProblemJson() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("GET /nowhere HTTP/1.1\r\nHost: " + host() + "\r\n\r\n");
            assertProblem(connection.read(), 404);
            connection.send("DELETE /health HTTP/1.1\r\nHost: " + host() + "\r\n\r\n");
            RawConnection.Response wrongMethod = connection.read();
            assertTrue(wrongMethod.status() == 405 || wrongMethod.status() == 404, wrongMethod.toString());
            assertProblem(wrongMethod, wrongMethod.status());
            connection.send("GET /health HTTP/1.1\r\nHost: " + host() + "\r\nAccept: text/html\r\n\r\n");
            RawConnection.Response html = connection.read();
            assertTrue(html.status() == 200 || html.status() == 406, html.toString());
            connection.send("GET /api/catalog/x/html-404 HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n\r\n");
            RawConnection.Response unknownRoute = connection.read();
            assertProblem(unknownRoute, 404);
            assertTrue(unknownRoute.json().getString("detail").contains("catalog-service"), unknownRoute.toString());
            assertEquals("/api/catalog/x/html-404", unknownRoute.json().getString("instance"));
            connection.send("DELETE /api/catalog/x/empty-405 HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n\r\n");
            RawConnection.Response notAllowed = connection.read();
            assertProblem(notAllowed, 405);
            assertEquals("GET, HEAD", notAllowed.header("allow"), "the service's Allow is kept");
            connection.send("GET /api/catalog/x HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nX-Respond-With: 409\r\n\r\n");
            RawConnection.Response json = connection.read();
            assertEquals(409, json.status());
            assertEquals("catalog-service", json.json().getString("service"), "JSON answers pass untouched");
        }
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/big HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nContent-Length: 20000000\r\n\r\n");
            assertProblem(connection.read(), 413);
            assertTrue(connection.closedWithin(SLACK));
        }
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: " + host() + "\r\n\r\n");
            assertProblem(connection.read(), 414);
            assertTrue(connection.closedWithin(SLACK));
        }
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/h HTTP/1.1\r\nHost: " + host() + "\r\nX-Big: " + "y".repeat(25_000)
                    + "\r\n\r\n");
            assertProblem(connection.read(), 431);
            assertTrue(connection.closedWithin(SLACK));
        }
        for (String garbage : new String[]{"GET /api/catalog HTTP/1.1\r\nHost: " + host() + "\r\nNo colon here\r\n\r\n",
                "GET /api/catalog HTTP/1.1\r\nHost: " + host() + "\r\nBad Name: x\r\n\r\n",
                "GARBAGE\r\n\r\n", "GET /api/catalog HTTP/9.9\r\nHost: " + host() + "\r\n\r\n",
                "POST /api/catalog HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: ten\r\n\r\n"}) {
            try (RawConnection connection = open()) {
                connection.send(garbage);
                RawConnection.Response response = connection.read();
                assertTrue(response.status() == 400 || response.status() == 505, response.toString());
                assertProblem(response, response.status());
                assertTrue(connection.closedWithin(SLACK));
            }
        }
        assertEquals(List.of("/api/catalog/x/html-404", "/api/catalog/x/empty-405", "/api/catalog/x"),
                catalog.received());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/upload HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n");
            CompletableFuture<RawConnection.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return connection.read();
                } catch (IOException e) {
                    return null;
                }
            });
            byte[] chunk = new byte[64 * 1024];
            String size = Integer.toHexString(chunk.length) + "\r\n";
            OutputStream out = connection.output();
            try {
                for (int sent = 0; sent < 11 * 1024 * 1024 && !answer.isDone(); sent += chunk.length) {
                    out.write(size.getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByTheGateway) {
                // expected once the gateway has answered
            }
            RawConnection.Response response = answer.get(20, TimeUnit.SECONDS);
            if (response != null) { // else the reset overtook the answer: the connection is gone either way
                assertProblem(response, 413);
                assertEquals("close", response.header("connection"));
            }
            assertTrue(connection.closedWithin(SLACK));
        }
        awaitAborted(catalog, 0);
    }

    @Test
    void anUnreadBodyIsNotDrainedWithoutBound() throws Exception {
        // No key, and a chunked body that never ends: 401, then the connection is closed.
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/upload HTTP/1.1\r\nHost: " + host()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> endless = CompletableFuture.runAsync(() -> {
                byte[] chunk = ("2000\r\n" + "z".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (written.get() < 100L * 1024 * 1024) {
                        connection.output().write(chunk);
                        written.addAndGet(chunk.length);
                        Thread.sleep(1);
                    }
                } catch (IOException | InterruptedException closedByTheGateway) {
                    // expected
                }
            });
            RawConnection.Response response = connection.read();
            assertProblem(response, 401);
            assertEquals("close", response.header("connection"));
            long answeredAt = System.nanoTime();
            assertTrue(connection.closedWithin(SLACK), "closed while the client still sends");
            assertTrue((System.nanoTime() - answeredAt) / 1_000_000 < SLACK.toMillis());
            endless.get(10, TimeUnit.SECONDS);
            assertTrue(written.get() < 50L * 1024 * 1024, "stopped reading after " + written.get() + " bytes");
        }
        // A small body with a length is read and dropped: the connection serves the next request.
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/small HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: 1000\r\n\r\n"
                    + "a".repeat(1000));
            RawConnection.Response refused = connection.read();
            assertProblem(refused, 401);
            assertNotEquals("close", refused.header("connection"));
            connection.send("GET /api/catalog/next HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\n\r\n");
            assertEquals(200, connection.read().status());
        }
    }

    @Test
    void clientsThatGoAwayAreNotCountedAsAnUnreachableService() throws Exception {
        GatewayClient metrics = new GatewayClient(gateway);
        double unreachable = metrics.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service",
                "outcome", "unreachable");
        double clientClosed = metrics.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service",
                "outcome", "client_closed");
        // Before the service answered.
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/slow HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nX-Respond-After: 3000\r\n\r\n");
            awaitReceived(catalog, "/api/catalog/slow");
        }
        long closed = System.nanoTime();
        long abortedAfterMs = awaitAborted(catalog, closed);
        assertTrue(abortedAfterMs < SLACK.toMillis(), "the service's exchange ended after " + abortedAfterMs + " ms");
        // In the middle of a streamed response (http-proxy's reset path), a few times.
        for (int i = 0; i < 5; i++) {
            try (RawConnection connection = open()) {
                connection.send("GET /api/catalog/stream HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                        + "\r\n\r\n");
                assertEquals(200, connection.readHead().status()); // then gone, before the second chunk
            }
        }
        Thread.sleep(1_000); // the streams' second chunks are due after 600 ms
        assertEquals(unreachable, metrics.metric("gateway_upstream_latency_seconds_count", "service",
                "catalog-service", "outcome", "unreachable"));
        assertTrue(metrics.metric("gateway_upstream_latency_seconds_count", "service", "catalog-service", "outcome",
                "client_closed") >= clientClosed + 1);
    }

    @Test
    void clientMistakesAreAnsweredWithoutErrorLogs() throws Exception {
        try (RawConnection connection = open()) {
            connection.send("POST /api/catalog/dup HTTP/1.1\r\nHost: " + host() + "\r\nX-API-Key: " + KEY
                    + "\r\nX-Forwarded-Port: not-a-number\r\nX-Forwarded-Proto: gopher\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 25\r\n\r\n{\"name\":\"a\",\"name\":\"b\"}\n\n");
            RawConnection.Response response = connection.read();
            assertEquals(200, response.status(), response.toString());
            JsonObject seen = response.json().getJsonObject("headers");
            assertNull(seen.getString("x-forwarded-port"));
            assertEquals("http", seen.getString("x-forwarded-proto"));
        }
        try (RawConnection connection = open()) {
            connection.send("GET /api/catalog/nohost HTTP/1.1\r\nX-API-Key: " + KEY + "\r\n\r\n");
            assertProblem(connection.read(), 400);
        }
        assertFalse(catalog.received().contains("/api/catalog/nohost"));
    }

    List<String> catalogAndIncidents() {
        List<String> all = new java.util.ArrayList<>(incidents.received());
        all.addAll(catalog.received());
        return all;
    }

    static void assertProblem(RawConnection.Response response, int status) {
        assertEquals(status, response.status(), response.toString());
        assertEquals("application/problem+json", response.header("content-type"), response.toString());
        JsonObject problem = response.json();
        assertEquals(status, problem.getInteger("status"), response.toString());
        assertEquals("about:blank", problem.getString("type"));
        assertTrue(problem.getString("title") != null && problem.getString("detail") != null, response.toString());
        if (status == 413) { // RFC 9110's phrase, whichever guard refused the body (Netty's is RFC 2616's)
            assertEquals("Content Too Large", problem.getString("title"));
        }
    }

    static void awaitReceived(FakeService service, String uri) throws InterruptedException {
        long deadline = System.nanoTime() + SLACK.toNanos();
        while (!service.received().contains(uri)) {
            assertTrue(System.nanoTime() < deadline, service.name() + " never received " + uri);
            Thread.sleep(10);
        }
    }

    /** Waits for the service to see an exchange aborted; returns how long after {@code since} (nanoTime) it was. */
    static long awaitAborted(FakeService service, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (service.aborted().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the exchange with " + service.name() + " was never aborted");
            Thread.sleep(10);
        }
        return since == 0 ? 0 : (service.aborted().get(0) - since) / 1_000_000;
    }
}
