package io.polystore.incident.incident;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.incident.user.NewUser;
import io.polystore.incident.user.UserService;
import io.polystore.rest.problem.ProblemException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service under a Turkish default locale, where {@code "I".toLowerCase()} is a dotless {@code ı} and
 * {@code "i".toUpperCase()} a dotted {@code İ}: values with an i (investigating, critical, incidents) must still be
 * read, stored and answered as spelled. The locale is the whole JVM's, so the service under test runs in it too; it is
 * restored after each test. The build rule that keeps new locale-sensitive calls out is forbiddenapis
 * ({@code src/build/forbidden-apis.txt}).
 */
@QuarkusTest
class TurkishLocaleTest {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    @Inject
    TestCallers callers;

    @Inject
    UserService users;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private Locale original;

    @BeforeEach
    void turkish() {
        original = Locale.getDefault();
        Locale.setDefault(TURKISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(original);
    }

    @Test
    void theJvmIsReallyTurkishHere() {
        assertEquals("\u0131nvest\u0131gat\u0131ng", "INVESTIGATING".toLowerCase(Locale.getDefault()));
        assertEquals("CR\u0130T\u0130CAL", "critical".toUpperCase(Locale.getDefault()));
    }

    @Test
    void statusesAndSeveritiesWithAnIAreStoredAndAnsweredAsSpelled() {
        TestCaller caller = callers.create();
        int id = caller.request().body(Map.of("title", "Istanbul", "severity", "critical")).post("/api/incidents")
                .then().statusCode(201).body("severity", is("critical")).extract().path("id");
        caller.request().body(Map.of("status", "investigating")).patch("/api/incidents/" + id)
                .then().statusCode(200).body("status", is("investigating"));
        caller.request().get("/api/incidents/" + id).then().statusCode(200)
                .body("status", is("investigating")).body("severity", is("critical"));
        caller.request().queryParam("status", "investigating").queryParam("severity", "critical")
                .get("/api/incidents").then().statusCode(200).body("items.id", contains(id));
        Row row = pool.preparedQuery("SELECT status, severity FROM incidents WHERE id = ?").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(30)).iterator().next();
        assertEquals("investigating", row.getString(0), "the CHECK constraint's spelling");
        assertEquals("critical", row.getString(1));
    }

    @Test
    void errorsListTheValuesAsSpelled() throws Exception {
        TestCaller caller = callers.create();
        caller.request().body(Map.of("title", "t", "severity", "CRITICAL")).post("/api/incidents")
                .then().statusCode(400).body("errors[0].message", is("must be one of [low, medium, high, critical]"));
        // RestAssured's own client throws on this 400 under a Turkish locale (a client-side quirk): the JDK's client
        HttpResponse<String> filtered = get(caller, "/api/incidents?status=INVESTIGATING");
        assertEquals(400, filtered.statusCode());
        assertTrue(filtered.body().contains("\"must be one of [open, investigating, resolved, closed]\""),
                filtered.body());
    }

    private HttpResponse<String> get(TestCaller caller, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", caller.authorization()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scopesWithAnIAreKeptAsSpelled() {
        TestCaller caller = callers.create();
        caller.request().body(Map.of("name", "ink", "scopes", List.of("incidents", "keys:manage")))
                .post("/api/keys").then().statusCode(201).body("scopes", contains("incidents", "keys:manage"));
        caller.request().get("/api/incidents").then().statusCode(200);
    }

    @Test
    void emailsAreLowerCasedTheSameEverywhere() throws Throwable {
        String local = "ILKER-" + UUID.randomUUID();
        var user = VertxContextSupport
                .subscribeAndAwait(() -> users.create(new NewUser(local + "@EXAMPLE.COM", "Ilker")));
        assertEquals(local.toLowerCase(Locale.ROOT) + "@example.com", user.email(), "i, not \u0131");
        try {
            VertxContextSupport.subscribeAndAwait(() -> users.create(new NewUser(
                    local.toLowerCase(Locale.ROOT) + "@example.com", "Ilker again")));
            throw new AssertionError("the same email twice");
        } catch (ProblemException duplicate) {
            assertEquals(409, duplicate.problem().status());
        }
    }

    @Test
    void theEnumsSpellThemselvesWithoutCaseMapping() {
        assertEquals("investigating", IncidentStatus.INVESTIGATING.value());
        assertEquals("critical", Severity.CRITICAL.value());
        assertEquals(IncidentStatus.INVESTIGATING, IncidentStatus.of("investigating"));
        assertEquals(Severity.CRITICAL, Severity.of("critical"));
        var status = new LowerCaseEnumConverters.StatusConverter();
        assertEquals("investigating", status.convertToDatabaseColumn(IncidentStatus.INVESTIGATING));
        assertEquals(IncidentStatus.INVESTIGATING, status.convertToEntityAttribute("investigating"));
        var severity = new LowerCaseEnumConverters.SeverityConverter();
        assertEquals(Severity.CRITICAL, severity.convertToEntityAttribute("critical"));
    }
}
