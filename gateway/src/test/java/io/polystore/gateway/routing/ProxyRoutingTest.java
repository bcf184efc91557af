package io.polystore.gateway.routing;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.auth.ApiKeys;
import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing as an authenticated caller sees it (API keys and rate limits have their own tests). */
@QuarkusTest
class ProxyRoutingTest {

    static final String KEY = FakeKeys.STANDARD.apiKey();

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/incidents, incident-service",
            "/api/keys, incident-service",
            "/api/mandates, mandate-service",
            "/api/customers, mandate-service",
            "/api/webhooks, mandate-service",
            "/api/alerts, mandate-service",
            "/api/archives, mandate-service",
            "/api/sessions, session-service",
            "/api/catalog, catalog-service",
            "/api/payments, payment-service"})
    void eachPrefixGoesToItsService(String prefix, String service) {
        given().get(prefix).then().statusCode(200).body("service", is(service)).body("uri", is(prefix));
        given().get(prefix + "/").then().statusCode(200).body("service", is(service));
        given().get(prefix + "/42/items").then().statusCode(200)
                .body("service", is(service)).body("uri", is(prefix + "/42/items"));
    }

    @Test
    void bookingsReachPaymentServiceAsPaymentsWithTheQueryIntact() {
        FakeServices.get("payment-service").forget();
        given().urlEncodingEnabled(false).body("{\"amount\":5}").contentType("application/json")
                .post("/api/bookings/42/refunds?reason=a%20b&x=1&x=2").then().statusCode(200)
                .body("service", is("payment-service")).body("method", is("POST"))
                .body("uri", is("/api/payments/42/refunds?reason=a%20b&x=1&x=2")).body("body", is("{\"amount\":5}"));
        given().get("/api/bookings").then().statusCode(200).body("uri", is("/api/payments"));
        given().get("/api/bookings?page=2").then().statusCode(200).body("uri", is("/api/payments?page=2"));
        given().get("/api/bookings/").then().statusCode(200).body("uri", is("/api/payments/"));
        assertEquals(java.util.List.of("/api/payments/42/refunds?reason=a%20b&x=1&x=2", "/api/payments",
                "/api/payments?page=2", "/api/payments/"), FakeServices.get("payment-service").received());
        // whole segments only, as any route; the rewrite never touches a later "/api/bookings"
        given().get("/api/bookingsX").then().statusCode(404);
        given().get("/api/bookings/api/bookings").then().statusCode(200).body("uri", is("/api/payments/api/bookings"));
    }

    @Test
    void methodPathQueryBodyStatusAndHeadersPassThrough() {
        given().urlEncodingEnabled(false)
                .header("X-Request-Id", "req-1")
                .header("X-Respond-With", "201")
                .contentType("application/json")
                .body("{\"title\":\"disk full\"}")
                .when().put("/api/incidents/7/notes?x=1&y=two%20words")
                .then().statusCode(201)
                .contentType("application/json")
                .header("X-Backend", "incident-service")
                .body("service", is("incident-service"))
                .body("method", is("PUT"))
                .body("uri", is("/api/incidents/7/notes?x=1&y=two%20words"))
                .body("body", is("{\"title\":\"disk full\"}"))
                .body("headers.x-request-id", is("req-1"))
                .body("headers.content-type", is("application/json"));
    }

    @Test
    void backendErrorsPassThroughUntouched() {
        given().header("X-Respond-With", "409").delete("/api/mandates/3")
                .then().statusCode(409).contentType("application/json")
                .body("method", is("DELETE")).body("service", is("mandate-service"));
    }

    @Test
    void hopByHopHeadersAreDroppedBothWays() {
        ValidatableResponse response = given()
                .header("Connection", "keep-alive, X-Request-Hop")
                .header("X-Request-Hop", "secret")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Proxy-Connection", "keep-alive")
                .header("TE", "trailers")
                .header("Trailer", "X-Checksum")
                .header("Upgrade", "fake/1")
                .header("X-Custom", "kept")
                .when().get("/api/sessions/1")
                .then().statusCode(200)
                .body("headers.x-custom", is("kept"))
                .body("headers.x-request-hop", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.proxy-connection", nullValue())
                .body("headers.te", nullValue())
                .body("headers.trailer", nullValue())
                .body("headers.upgrade", nullValue())
                .body("headers.connection", anyOf(nullValue(), not(containsString("hop"))));
        response.header("X-Backend", "session-service")
                .header("Keep-Alive", nullValue())
                .header("X-Response-Hop", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("Proxy-Agent", nullValue())
                .header("Upgrade", nullValue())
                .header("Connection", anyOf(nullValue(), not(containsString("hop"))));
    }

    @Test
    void responsesCarryTheGatewaysDate() {
        long before = System.currentTimeMillis() / 1000 * 1000;
        String date = given().header("X-Respond-Header", "Date=Mon, 01 Jan 2001 00:00:00 GMT")
                .get("/api/catalog/items").then().statusCode(200).extract().header("Date");
        long dated = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        assertTrue(dated >= before && dated <= System.currentTimeMillis(), "the gateway's clock, not 2001: " + date);
    }

    @Test
    void forwardedHeadersNameTheClientAndOriginalHost() {
        String host = gateway.getHost() + ":" + gateway.getPort();
        String service = FakeServices.get("catalog-service").url().substring("http://".length());
        given().get("/api/catalog/items").then().statusCode(200)
                .body("headers.x-forwarded-for", anyOf(is("127.0.0.1"), containsString(":")))
                .body("headers.x-forwarded-proto", is("http"))
                .body("headers.x-forwarded-host", is(host))
                .body("headers.host", is(service));
        // A client's own claim is dropped: without GATEWAY_TRUSTED_PROXIES the client is the peer the gateway saw.
        given().header("X-Forwarded-For", "203.0.113.9").get("/api/catalog/items").then().statusCode(200)
                .body("headers.x-forwarded-for", anyOf(is("127.0.0.1"), containsString(":")));
    }

    @Test
    void largeBodiesStreamBothWithLengthAndChunked() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().contentType("application/octet-stream").body(body)
                .post("/api/archives/upload").then().statusCode(200)
                .body("bodyLength", is(body.length)).body("bodySha256", is(digest))
                .body("headers.content-length", is(String.valueOf(body.length)));
        // A body of unknown length goes out chunked (RestAssured would buffer it and send a Content-Length).
        HttpResponse<String> chunked = http().send(HttpRequest.newBuilder(URI.create(gateway + "api/archives/upload"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chunked.statusCode(), chunked.body());
        JsonObject echo = new JsonObject(chunked.body());
        assertEquals(body.length, echo.getInteger("bodyLength"));
        assertEquals(digest, echo.getString("bodySha256"));
        assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
    }

    @Test
    void responseBodyIsStreamedNotBuffered() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http().send(
                HttpRequest.newBuilder(URI.create(gateway + "api/catalog/stream")).timeout(Duration.ofSeconds(10))
                        .header("X-API-Key", KEY).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long headersAt = System.nanoTime();
        try (InputStream in = response.body()) {
            byte[] first = in.readNBytes("first-chunk;".length());
            long firstAt = System.nanoTime();
            byte[] rest = in.readAllBytes();
            long endAt = System.nanoTime();
            assertEquals("first-chunk;", new String(first, StandardCharsets.UTF_8));
            assertEquals("second-chunk", new String(rest, StandardCharsets.UTF_8));
            // The fake waits 600 ms between its chunks: a buffering proxy would deliver both at once.
            long gapMs = (endAt - firstAt) / 1_000_000;
            assertTrue(gapMs >= 300,
                    "first chunk arrived only " + gapMs + " ms before the end: buffered? (headers after "
                            + (headersAt - started) / 1_000_000 + " ms, first chunk after "
                            + (firstAt - started) / 1_000_000
                            + " ms)");
        }
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        problem(given().get("/api/incidentsX"), 404).body("instance", is("/api/incidentsX"));
        problem(given().get("/api/incidentsX/1"), 404);
    }

    @Test
    void unknownApiRouteIsNotFoundProblem() {
        problem(given().get("/api/unknown/1"), 404)
                .body("title", is("Not Found"))
                .body("instance", is("/api/unknown/1"))
                .body("detail", containsString("/api/unknown/1"));
        problem(given().get("/api"), 404);
    }

    @Test
    void internalEndpointsAreNeverRouted() throws Exception {
        problem(given().get("/internal/keys/verify"), 404).body("instance", is("/internal/keys/verify"));
        problem(given().post("/internal/keys/verify"), 404);
        String sneaky = RawHttp.get(gateway, "/api/incidents/../../internal/keys/verify", KEY);
        assertTrue(sneaky.startsWith("HTTP/1.1 404"), sneaky);
        String dotted = RawHttp.get(gateway, "/api/catalog/../incidents/7", KEY);
        assertTrue(dotted.startsWith("HTTP/1.1 400"), dotted);
        assertTrue(dotted.contains("application/problem+json"), dotted);
        String encodedSlash = RawHttp.get(gateway, "/api/incidents/7%2F..%2F..%2Finternal%2Fkeys", KEY);
        assertTrue(encodedSlash.startsWith("HTTP/1.1 400"), encodedSlash);
    }

    @Test
    void closedBackendIsBadGateway() {
        FakeServices.get("payment-service").mode(Mode.CLOSED);
        problem(given().get("/api/payments/1"), 502)
                .body("title", is("Bad Gateway"))
                .body("detail", is("payment-service is not reachable"))
                .body("instance", is("/api/payments/1"));
    }

    @Test
    void silentBackendIsGatewayTimeoutAfterTheConfiguredTimeout() throws Exception {
        FakeServices.get("payment-service").mode(Mode.SILENT);
        HttpClient client = http();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/payments"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(20)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, response.statusCode(), response.body());
        assertEquals(Problems.CONTENT_TYPE, response.headers().firstValue("content-type").orElse(null));
        JsonObject problem = new JsonObject(response.body());
        assertEquals("Gateway Timeout", problem.getString("title"));
        assertEquals(504, problem.getInteger("status"));
        assertEquals("payment-service did not answer within 1 s", problem.getString("detail"));
        assertEquals("/api/payments", problem.getString("instance"));
        // gateway.upstream.timeout is 1 s in tests; the upper bound only leaves room for a loaded machine.
        assertTrue(tookMs >= 900 && tookMs < 5_000, "took " + tookMs + " ms");
    }

    private static RequestSpecification given() {
        return RestAssured.given().header(ApiKeys.X_API_KEY.toString(), KEY);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", is("about:blank"))
                .body("status", is(status))
                .body("title", not(nullValue()))
                .body("detail", not(nullValue()))
                .body("instance", startsWith("/"));
    }
}
