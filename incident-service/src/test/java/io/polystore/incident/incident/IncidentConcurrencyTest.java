package io.polystore.incident.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on {@code PATCH /api/incidents/{id}}: {@code ETag} on reads, {@code If-Match} on writes, and
 * under concurrent PATCHes no lost update and no forbidden transition, checked against every 2xx answer and the final
 * row.
 */
@QuarkusTest
class IncidentConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(IncidentConcurrencyTest.class);
    private static final String PROBLEM = "application/problem+json";
    private static final int ROUNDS = 12;
    private static final int PARALLEL = 8;

    private static ExecutorService threads;

    @Inject
    TestCallers callers;

    @Inject
    Pool pool;

    private TestCaller caller;

    @BeforeAll
    static void startThreads() {
        threads = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void newCaller() {
        caller = callers.create();
    }

    @Test
    void readsAndWritesCarryTheVersionAsAStrongETag() {
        Response created = create("etag me", "medium");
        assertEquals("\"0\"", created.header("ETag"));
        int id = created.path("id");
        caller.request().get("/api/incidents/" + id).then().statusCode(200).header("ETag", "\"0\"");
        patch(id, null, Map.of("status", "investigating")).then().statusCode(200).header("ETag", "\"1\"");
        patch(id, null, Map.of("severity", "high")).then().statusCode(200).header("ETag", "\"2\"");
        caller.request().get("/api/incidents/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("version")));
        // setting what is already there writes nothing: same version
        patch(id, null, Map.of("severity", "high")).then().statusCode(200).header("ETag", "\"2\"");
        assertEquals(2L, versionInDatabase(id));
    }

    @Test
    void ifMatchWithTheCurrentVersionApplies() {
        int id = create("current", "low").path("id");
        patch(id, "\"0\"", Map.of("status", "investigating")).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", is("investigating"));
        patch(id, "\"7\", \"1\"", Map.of("severity", "critical")).then().statusCode(200).header("ETag", "\"2\"");
        patch(id, "*", Map.of("status", "resolved")).then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void aStaleIfMatchIs412AndAppliesNothing() {
        int id = create("stale", "low").path("id");
        patch(id, "\"0\"", Map.of("status", "investigating")).then().statusCode(200);
        patch(id, "\"0\"", Map.of("severity", "critical", "status", "closed")).then().statusCode(412)
                .contentType(PROBLEM).body("status", is(412)).body("detail", containsString("If-Match"));
        patch(id, "W/\"1\"", Map.of("severity", "critical")).then().statusCode(412).contentType(PROBLEM);
        caller.request().get("/api/incidents/" + id).then().header("ETag", "\"1\"")
                .body("severity", is("low")).body("status", is("investigating"));
    }

    @Test
    void thePreconditionIsCheckedAfterExistenceAndBeforeTheRules() {
        int id = create("order", "low").path("id");
        patch(999_999_999, "\"0\"", Map.of("status", "closed")).then().statusCode(404);
        patch(id, "\"5\"", Map.of("status", "open")).then().statusCode(412);
        patch(id, null, Map.of("status", "closed")).then().statusCode(200);
        // stale and forbidden (closed -> resolved): the stale version is what the client must learn first
        patch(id, "\"0\"", Map.of("status", "resolved")).then().statusCode(412);
        patch(id, "\"1\"", Map.of("status", "resolved")).then().statusCode(409).body("currentStatus", is("closed"));
    }

    @Test
    void aMalformedIfMatchIs400NamingIt() {
        int id = create("malformed", "low").path("id");
        patch(id, "1", Map.of("status", "closed")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("If-Match"));
        caller.request().get("/api/incidents/" + id).then().body("status", is("open")).header("ETag", "\"0\"");
    }

    /**
     * Many rounds of concurrent PATCHes without If-Match on one incident in {@code investigating}: one to
     * {@code closed}, one to {@code resolved} (whichever commits first makes the other forbidden), and severity
     * changes. Every answer is a 200 or a 409; the versions the 200s carry account for every write (a 409 applied
     * nothing); each version differs from the one before only in what its own request changed (no lost update); and
     * each status step is one the rules allow.
     */
    @Test
    void concurrentPatchesLoseNoUpdateAndMakeNoForbiddenTransition() throws Exception {
        int ok = 0;
        int conflicts = 0;
        int raced = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int id = create("race " + round, "low").path("id");
            Response start = patch(id, null, Map.of("status", "investigating"));
            start.then().statusCode(200);
            List<Map<String, Object>> changes = new ArrayList<>();
            changes.add(Map.of("status", "closed"));
            changes.add(Map.of("status", "resolved"));
            String[] severities = {"medium", "high", "critical", "medium", "high", "critical"};
            for (int i = 0; changes.size() < PARALLEL; i++) {
                changes.add(Map.of("severity", severities[i % severities.length]));
            }
            List<Answer> answers = race(id, null, changes);
            Verdict verdict = check(id, start, answers);
            ok += verdict.ok;
            conflicts += verdict.conflicts;
            raced += verdict.racedConflicts;
        }
        LOG.infof("%d rounds of %d concurrent PATCHes: %d answered 200, %d answered 409 (%d of them lost a race)",
                ROUNDS, PARALLEL, ok, conflicts, raced);
        assertEquals(ROUNDS * PARALLEL, ok + conflicts);
        assertTrue(raced > 0, "the PATCHes never raced: the test did not test concurrency");
    }

    /** All send the version they read: exactly one applies, every other is a 412 and applied nothing. */
    @Test
    void concurrentPatchesWithIfMatchApplyExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int id = create("if-match race " + round, "low").path("id");
            Response start = patch(id, null, Map.of("status", "investigating"));
            String etag = start.header("ETag");
            List<Map<String, Object>> changes = List.of(Map.of("status", "closed"), Map.of("status", "resolved"),
                    Map.of("status", "open"), Map.of("severity", "medium"), Map.of("severity", "high"),
                    Map.of("severity", "critical"), Map.of("status", "closed", "severity", "high"),
                    Map.of("status", "resolved", "severity", "medium"));
            List<Answer> answers = race(id, etag, changes);
            long applied = answers.stream().filter(a -> a.status == 200).count();
            long stale = answers.stream().filter(a -> a.status == 412).count();
            assertEquals(1, applied, () -> "exactly one applies: " + answers);
            assertEquals(changes.size() - 1, stale, () -> "the others are 412: " + answers);
            Answer winner = answers.stream().filter(a -> a.status == 200).findFirst().orElseThrow();
            assertEquals(1 + versionOf(start), winner.version);
            Map<String, Object> row = row(id);
            assertEquals(winner.body.get("status"), row.get("status"));
            assertEquals(winner.body.get("severity"), row.get("severity"));
            assertEquals(winner.version, row.get("version"));
        }
    }

    private record Answer(Map<String, Object> request, int status, Map<String, Object> body, long version,
            String detail) {
    }

    private record Verdict(int ok, int conflicts, int racedConflicts) {
    }

    private List<Answer> race(int id, String ifMatch, List<Map<String, Object>> changes) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (Map<String, Object> change : changes) {
            futures.add(threads.submit(() -> {
                go.await();
                Response response = patch(id, ifMatch, change);
                Map<String, Object> body = response.jsonPath().getMap("$");
                String etag = response.header("ETag");
                return new Answer(change, response.statusCode(), body,
                        etag == null ? -1 : Long.parseLong(etag.replace("\"", "")),
                        body == null ? null : (String) body.get("detail"));
            }));
        }
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(2, TimeUnit.MINUTES));
        }
        return answers;
    }

    private Verdict check(int id, Response start, List<Answer> answers) {
        long v0 = versionOf(start);
        Map<Long, Map<String, Object>> states = new TreeMap<>();
        states.put(v0, state(start.jsonPath().getMap("$")));
        int ok = 0;
        int conflicts = 0;
        int raced = 0;
        for (Answer answer : answers) {
            if (answer.status == 409) {
                conflicts++;
                if (answer.detail != null && answer.detail.contains("another request")) {
                    raced++;
                }
                continue;
            }
            assertEquals(200, answer.status, () -> "only 200 or 409: " + answer);
            ok++;
            Map<String, Object> state = state(answer.body);
            answer.request.forEach((field, value) -> assertEquals(value, state.get(field),
                    () -> "a 200 shows its own change: " + answer));
            Map<String, Object> known = states.putIfAbsent(answer.version, state);
            if (known != null) {
                assertEquals(known, state, "two answers with one ETag show one state");
            }
        }
        Map<String, Object> row = row(id);
        long finalVersion = (Long) row.get("version");
        for (long v = v0 + 1; v <= finalVersion; v++) {
            long version = v;
            Map<String, Object> before = states.get(v - 1);
            Map<String, Object> after = states.get(v);
            assertNotNull(after, () -> "version " + version + " was written, but no answer was a 200 for it (a 409 "
                    + "applied something?): " + answers);
            List<Map<String, Object>> producers = answers.stream().filter(a -> a.status == 200 && a.version == version)
                    .map(Answer::request).filter(request -> changes(before, request)).toList();
            // a request answered with this version that would change the version before it wrote it, or is identical
            // to the one that did (then it was a no-op on top of it): either way, the step is exactly that change
            assertTrue(!producers.isEmpty(), () -> "no 200 explains version " + version + ": " + answers);
            for (Map<String, Object> request : producers) {
                for (String field : List.of("status", "severity")) {
                    Object expected = request.containsKey(field) ? request.get(field) : before.get(field);
                    assertEquals(expected, after.get(field), () -> "version " + version + " keeps what version "
                            + (version - 1) + " had, except its own change (else an update was lost): " + answers);
                }
            }
            IncidentStatus from = IncidentStatus.of((String) before.get("status"));
            IncidentStatus to = IncidentStatus.of((String) after.get("status"));
            if (!from.canMoveTo(to)) {
                fail("forbidden transition " + from + " -> " + to + " at version " + version + ": " + answers);
            }
        }
        assertTrue(states.keySet().stream().allMatch(v -> v <= finalVersion), "no answer beyond the row's version");
        assertEquals(states.get(finalVersion), Map.of("status", row.get("status"), "severity", row.get("severity")),
                "the row is the last version answered");
        return new Verdict(ok, conflicts, raced);
    }

    private static boolean changes(Map<String, Object> state, Map<String, Object> request) {
        return request.entrySet().stream().anyMatch(e -> !e.getValue().equals(state.get(e.getKey())));
    }

    private static Map<String, Object> state(Map<String, Object> body) {
        Map<String, Object> state = new HashMap<>();
        state.put("status", body.get("status"));
        state.put("severity", body.get("severity"));
        return state;
    }

    private static long versionOf(Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }

    private Map<String, Object> row(int id) {
        Row row = pool.preparedQuery("SELECT status, severity, version FROM incidents WHERE id = ?")
                .execute(Tuple.of(id)).await().atMost(java.time.Duration.ofSeconds(30)).iterator().next();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", row.getString("status"));
        values.put("severity", row.getString("severity"));
        values.put("version", row.getLong("version"));
        return values;
    }

    private long versionInDatabase(int id) {
        return (Long) row(id).get("version");
    }

    private Response create(String title, String severity) {
        Response response = caller.request().body(Map.of("title", title, "severity", severity))
                .post("/api/incidents");
        response.then().statusCode(201);
        return response;
    }

    private Response patch(int id, String ifMatch, Map<String, Object> body) {
        var request = caller.request().body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.patch("/api/incidents/" + id);
    }
}
