package io.polystore.mandate.archive;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The archive as session-service writes it and users read it: the idempotent upsert that never lets an older archive
 * win, the trust boundary of {@code /internal/archives}, owner scoping, keyset pages, filters and the bounded
 * {@code contains} search, the caller's statistics.
 */
@QuarkusTest
class ArchiveApiTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @Inject
    ArchiveCallers callers;

    @Test
    void anArchivedSessionReadsBackWithItsDurationComputedByTheDatabase() {
        long user = callers.newUser();
        Map<String, Object> session = ArchiveCallers.session(user, "finalized", START, START.plusSeconds(754), 20);
        callers.archive(session).then().statusCode(200).body("outcome", equalTo("created"));

        callers.asUser(user).get("/api/archives/" + session.get("sessionId")).then().statusCode(200)
                .body("sessionId", equalTo(session.get("sessionId")))
                .body("userId", equalTo(Long.toString(user)))
                .body("status", equalTo("finalized"))
                .body("finalized", equalTo(true))
                .body("messageCount", equalTo(20))
                .body("sessionDurationSeconds", equalTo(754))
                .body("conversationHistory.messages.size()", equalTo(20))
                .body("responseJson.PowerSource.gin", equalTo("0446200880"))
                .body("createdAt", equalTo("2026-11-30T10:00:00Z"));
    }

    @Test
    void aRepeatedOrLateArchiveNeverOverwritesANewerOne() {
        long user = callers.newUser();
        Map<String, Object> newer = ArchiveCallers.session(user, "completed", START, START.plusSeconds(600), 3);
        callers.archive(newer).then().statusCode(200).body("outcome", equalTo("created"));
        callers.archive(newer).then().statusCode(200).body("outcome", equalTo("unchanged"));

        Map<String, Object> older = new java.util.HashMap<>(newer);
        older.put("lastActivityAt", START.plusSeconds(60).toString());
        older.put("status", "abandoned");
        older.put("messageCount", 1);
        callers.archive(older).then().statusCode(200).body("outcome", equalTo("unchanged"));
        callers.asUser(user).get("/api/archives/" + newer.get("sessionId")).then().statusCode(200)
                .body("status", equalTo("completed")).body("messageCount", equalTo(3))
                .body("sessionDurationSeconds", equalTo(600));

        Map<String, Object> later = new java.util.HashMap<>(newer);
        later.put("lastActivityAt", START.plusSeconds(900).toString());
        later.put("status", "finalized");
        later.put("finalized", true);
        callers.archive(later).then().statusCode(200).body("outcome", equalTo("updated"));
        callers.asUser(user).get("/api/archives/" + newer.get("sessionId")).then().statusCode(200)
                .body("status", equalTo("finalized")).body("sessionDurationSeconds", equalTo(900));
        callers.asUser(user).get("/api/archives").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void onlySessionServicesTokenMayArchive() {
        Map<String, Object> session = ArchiveCallers.session(callers.newUser(), "completed", START, START, 0);
        callers.asUser(1, Scopes.SESSIONS).body(session).post("/internal/archives").then().statusCode(401);
        callers.asService("gateway").body(session).post("/internal/archives").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(session).post("/internal/archives")
                .then().statusCode(401);
    }

    @Test
    void aMalformedArchiveIsA400NamingTheField() {
        Map<String, Object> session = new java.util.HashMap<>(
                ArchiveCallers.session(callers.newUser(), "completed", START, START, 0));
        session.put("status", "lost");
        callers.archive(session).then().statusCode(400).body("errors.field", hasItem("status"));
        session.put("status", "completed");
        session.put("sessionId", "../../etc");
        callers.archive(session).then().statusCode(400).body("errors.field", hasItem("sessionId"));
        session.put("sessionId", UUID.randomUUID().toString());
        session.remove("lastActivityAt");
        callers.archive(session).then().statusCode(400).body("errors.field", hasItem("lastActivityAt"));
    }

    @Test
    void anotherUsersArchiveIsA404AndNotListed() {
        long owner = callers.newUser();
        long stranger = callers.newUser();
        Map<String, Object> session = ArchiveCallers.session(owner, "completed", START, START.plusSeconds(5), 2);
        callers.archive(session).then().statusCode(200);

        callers.asUser(stranger).get("/api/archives/" + session.get("sessionId")).then().statusCode(404);
        callers.asUser(stranger).get("/api/archives/" + UUID.randomUUID()).then().statusCode(404);
        callers.asUser(stranger).get("/api/archives/not-a-session").then().statusCode(404);
        callers.asUser(stranger).get("/api/archives").then().statusCode(200).body("items.size()", equalTo(0));
        callers.asUser(stranger).get("/api/archives/stats").then().statusCode(200)
                .body("totalSessions", equalTo(0)).body("lastSessionDate", nullValue());
        callers.asUser(owner, Scopes.MANDATES).get("/api/archives").then().statusCode(403);
    }

    @Test
    void pagesWalkEveryArchiveOnceNewestFirst() {
        long user = callers.newUser();
        List<String> archived = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> session = ArchiveCallers.session(user, "completed", START, START.plusSeconds(i), 1);
            callers.archive(session).then().statusCode(200);
            archived.add(0, (String) session.get("sessionId"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = callers.asUser(user).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<?> page = request.get("/api/archives").then().statusCode(200).extract();
            seen.addAll(page.path("items.sessionId"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(archived, seen);
        assertEquals(3, pages);
    }

    @Test
    void filtersByStatusWindowAndJsonContainment() {
        long user = callers.newUser();
        Map<String, Object> finalized = ArchiveCallers.session(user, "finalized", START, START.plusSeconds(30), 2);
        Map<String, Object> abandoned = ArchiveCallers.session(user, "abandoned", START, START.plusSeconds(30), 0);
        abandoned.put("responseJson", Map.of("PowerSource", "skipped"));
        callers.archive(finalized).then().statusCode(200);
        callers.archive(abandoned).then().statusCode(200);

        callers.asUser(user).queryParam("status", "abandoned").get("/api/archives").then().statusCode(200)
                .body("items.sessionId", equalTo(List.of(abandoned.get("sessionId"))));
        callers.asUser(user).queryParam("contains", "{\"PowerSource\":{\"gin\":\"0446200880\"}}")
                .get("/api/archives").then().statusCode(200)
                .body("items.sessionId", equalTo(List.of(finalized.get("sessionId"))));
        callers.asUser(user).queryParam("contains", "{\"messages\":[{\"role\":\"user\"}]}")
                .get("/api/archives").then().statusCode(200)
                .body("items.sessionId", equalTo(List.of(finalized.get("sessionId"))));
        callers.asUser(user).queryParam("contains", "{\"power_source\":{\"process\":\"MIG\"}}")
                .get("/api/archives").then().statusCode(200).body("items.size()", equalTo(2));
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        callers.asUser(user).queryParam("from", future).get("/api/archives").then().statusCode(200)
                .body("items.size()", equalTo(0));
        callers.asUser(user).queryParam("to", future).get("/api/archives").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void badQueriesAre400sNamingTheParameter() {
        long user = callers.newUser();
        Map<String, String> bad = Map.of("status", "gone", "from", "yesterday", "limit", "0", "cursor", "bm9wZQ",
                "contains", "{not json");
        bad.forEach((parameter, value) -> callers.asUser(user).queryParam(parameter, value).get("/api/archives")
                .then().statusCode(400).body("errors.field", hasItem(parameter)));
        callers.asUser(user).queryParam("limit", "201").get("/api/archives").then().statusCode(400);
        callers.asUser(user).queryParam("contains", "\"scalar\"").get("/api/archives").then().statusCode(400)
                .body("errors.field", hasItem("contains"));
        callers.asUser(user).queryParam("contains", "[".repeat(7) + "]".repeat(7)).get("/api/archives").then()
                .statusCode(400).body("errors.field", hasItem("contains"));
        callers.asUser(user).queryParam("contains", "{\"a\":\"" + "x".repeat(1100) + "\"}").get("/api/archives")
                .then().statusCode(400).body("errors.field", hasItem("contains"));
        callers.asUser(user).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/archives").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void statsAreTheCallersRowOfUserSessionHistory() {
        long user = callers.newUser();
        callers.archive(ArchiveCallers.session(user, "finalized", START, START.plusSeconds(100), 4)).then()
                .statusCode(200);
        callers.archive(ArchiveCallers.session(user, "abandoned", START, START.plusSeconds(300), 2)).then()
                .statusCode(200);
        callers.asUser(user).get("/api/archives/stats").then().statusCode(200)
                .body("userId", equalTo(Long.toString(user)))
                .body("totalSessions", equalTo(2))
                .body("avgMessages", equalTo(3.0f))
                .body("avgDurationSec", equalTo(200.0f))
                .body("finalizedCount", equalTo(1));
        assertEquals(2, new HashSet<>(callers.asUser(user).get("/api/archives").then().extract()
                .<List<String>>path("items.sessionId")).size());
    }
}
