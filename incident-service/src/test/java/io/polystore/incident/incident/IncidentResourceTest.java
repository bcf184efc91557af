package io.polystore.incident.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IncidentResourceTest {

    @Inject
    TestCallers callers;

    private static final String PROBLEM = "application/problem+json";

    private TestCaller caller;

    @BeforeEach
    void newCaller() {
        caller = callers.create();
    }

    @Test
    void createAnswers201WithLocationAndTheIncident() {
        var created = caller.request()
                .body(Map.of("title", "Disk full", "description", "on db-1", "severity", "high"))
                .post("/api/incidents")
                .then().statusCode(201)
                .body("title", is("Disk full"))
                .body("status", is("open"))
                .body("severity", is("high"))
                .body("reporterKeyId", is((int) caller.keyId()))
                .body("ownerUserId", is((int) caller.userId()))
                .extract();
        int id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/incidents/" + id));
        caller.request().get("/api/incidents/" + id).then().statusCode(200).body("description", is("on db-1"));
    }

    @Test
    void withoutAnIdentityTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).get("/api/incidents")
                .then().statusCode(401).contentType(PROBLEM).body("status", is(401));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not-a-token")
                .get("/api/incidents").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aKeyWithoutTheIncidentsScopeIs403NamingIt() {
        TestCaller payments = callers.create(List.of(Scopes.PAYMENTS, Scopes.KEYS_MANAGE));
        payments.request().get("/api/incidents").then().statusCode(403).contentType(PROBLEM)
                .body("missingScope", is(Scopes.INCIDENTS));
        payments.request().body(Map.of("title", "t", "severity", "low")).post("/api/incidents")
                .then().statusCode(403).body("missingScope", is(Scopes.INCIDENTS));
    }

    @Test
    void invalidBodiesAre400sNamingTheField() {
        expectFieldError(Map.of("description", "x", "severity", "low"), "title");
        expectFieldError(Map.of("title", " ", "severity", "low"), "title");
        expectFieldError(Map.of("title", "t".repeat(201), "severity", "low"), "title");
        expectFieldError(Map.of("title", "ok", "description", "d".repeat(10_001), "severity", "low"), "description");
        expectFieldError(Map.of("title", "ok"), "severity");
        caller.request().body(Map.of("title", "ok", "severity", "catastrophic")).post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("severity"))
                .body("errors[0].message", containsString("low, medium, high, critical"));
    }

    @Test
    void malformedOrMissingJsonIs400() {
        caller.request().body("{\"title\": ").post("/api/incidents").then().statusCode(400).contentType(PROBLEM);
        caller.request().body("[1,2]").post("/api/incidents").then().statusCode(400).contentType(PROBLEM);
        caller.request().post("/api/incidents").then().statusCode(400).contentType(PROBLEM);
        caller.request().body(Map.of("title", List.of("a"), "severity", "low")).post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("title"));
    }

    @Test
    void listsNewestFirstInPagesWithAnOpaqueCursor() {
        List<Integer> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("incident " + i, i % 2 == 0 ? "low" : "critical"));
        }
        var first = caller.request().queryParam("limit", 2).get("/api/incidents")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        assertEquals(List.of(created.get(4), created.get(3)), first.path("items.id"));
        String cursor = first.path("nextCursor");
        var second = caller.request().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/incidents")
                .then().statusCode(200).extract();
        assertEquals(List.of(created.get(2), created.get(1)), second.path("items.id"));
        caller.request().queryParam("limit", 2).queryParam("cursor", (String) second.path("nextCursor"))
                .get("/api/incidents")
                .then().statusCode(200).body("items.id", contains(created.get(0))).body("nextCursor", nullValue());
    }

    @Test
    void filtersByStatusAndSeverity() {
        int low = create("low one", "low");
        int critical = create("critical one", "critical");
        patch(critical, Map.of("status", "investigating")).then().statusCode(200);
        caller.request().queryParam("severity", "critical").get("/api/incidents")
                .then().statusCode(200).body("items.id", contains(critical));
        caller.request().queryParam("status", "open").get("/api/incidents")
                .then().statusCode(200).body("items.id", contains(low));
        caller.request().queryParam("status", "investigating").queryParam("severity", "low").get("/api/incidents")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5"})
    void badLimitsAre400(String limit) {
        caller.request().queryParam("limit", limit).get("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "djE6LTE", "djI6NQ", "%%%", "djE6YWJj", "djE6KzU", "djE6MDU"})
    void garbageCursorsAre400(String cursor) {
        caller.request().queryParam("cursor", cursor).get("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("cursor"));
    }

    @Test
    void unknownFilterValuesAre400() {
        caller.request().queryParam("status", "done").get("/api/incidents")
                .then().statusCode(400).body("errors[0].field", is("status"));
        caller.request().queryParam("severity", "urgent").get("/api/incidents")
                .then().statusCode(400).body("errors[0].field", is("severity"));
    }

    @Test
    void unknownIncidentIs404() {
        caller.request().get("/api/incidents/999999999").then().statusCode(404).contentType(PROBLEM);
        caller.request().get("/api/incidents/not-a-number").then().statusCode(404).contentType(PROBLEM);
        patch(999_999_999, Map.of("status", "closed")).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void statusFollowsTheTransitionRules() {
        int id = create("flaky", "medium");
        String createdAt = caller.request().get("/api/incidents/" + id).then().extract().path("updatedAt");
        String updatedAt = patch(id, Map.of("status", "investigating")).then().statusCode(200)
                .body("status", is("investigating")).extract().path("updatedAt");
        org.junit.jupiter.api.Assertions.assertTrue(
                java.time.Instant.parse(updatedAt).isAfter(java.time.Instant.parse(createdAt)),
                "updatedAt moves on an update");
        patch(id, Map.of("status", "closed", "severity", "low")).then().statusCode(200)
                .body("status", is("closed")).body("severity", is("low"));
        patch(id, Map.of("status", "investigating")).then().statusCode(409).contentType(PROBLEM)
                .body("currentStatus", is("closed"))
                .body("allowed", contains("open"))
                .body("detail", containsString("allowed: open"));
        caller.request().get("/api/incidents/" + id).then().body("status", is("closed"));
        patch(id, Map.of("status", "open")).then().statusCode(200).body("status", is("open"));
    }

    @Test
    void aConflictingPatchChangesNothing() {
        int id = create("atomic", "medium");
        patch(id, Map.of("status", "closed")).then().statusCode(200);
        patch(id, Map.of("status", "resolved", "severity", "critical")).then().statusCode(409);
        caller.request().get("/api/incidents/" + id).then().body("severity", is("medium")).body("status", is("closed"));
    }

    @Test
    void patchNeedsAValidChange() {
        int id = create("patchy", "medium");
        patch(id, Map.of()).then().statusCode(400).contentType(PROBLEM);
        patch(id, Map.of("status", "done")).then().statusCode(400).body("errors[0].field", is("status"));
        patch(id, Map.of("severity", 3)).then().statusCode(400).body("errors[0].field", is("severity"));
    }

    @Test
    void unknownRoutesAreProblems() {
        caller.request().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        caller.request().delete("/api/incidents/1").then().statusCode(405).contentType(PROBLEM);
    }

    private void expectFieldError(Map<String, Object> body, String field) {
        caller.request().body(body).post("/api/incidents")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", is(400))
                .body("errors.field", hasItem(field));
    }

    private int create(String title, String severity) {
        return caller.request().body(Map.of("title", title, "severity", severity)).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response patch(int id, Map<String, Object> body) {
        return caller.request().body(body).patch("/api/incidents/" + id);
    }
}
