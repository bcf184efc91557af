package io.polystore.incident;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User A's keys reach nothing of user B's, through any route; B's things are "not found", never "forbidden". */
@QuarkusTest
class IsolationTest {

    @Inject
    TestCallers callers;

    @Test
    void aUserSeesOnlyIncidentsReportedThroughTheirKeys() {
        TestCaller a = callers.create();
        TestCaller b = callers.create();
        int ofB = b.request().body(Map.of("title", "B's secret outage", "severity", "high")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        int ofA = a.request().body(Map.of("title", "A's outage", "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");

        a.request().get("/api/incidents").then().statusCode(200).body("items.id", contains(ofA));
        a.request().queryParam("severity", "high").get("/api/incidents").then().body("items", hasSize(0));
        a.request().get("/api/incidents/" + ofB).then().statusCode(404)
                .body(not(containsString("B's secret outage"))); // nothing of B's incident, anywhere in the answer
        a.request().body(Map.of("status", "closed")).patch("/api/incidents/" + ofB).then().statusCode(404);
        b.request().get("/api/incidents/" + ofB).then().statusCode(200).body("status", is("open"));
    }

    @Test
    void aUserCannotTouchAnotherUsersKeys() {
        TestCaller a = callers.create();
        TestCaller b = callers.create();
        a.request().get("/api/keys").then().statusCode(200).body("id", not(hasItem((int) b.keyId())));
        a.request().post("/api/keys/" + b.keyId() + "/regenerate").then().statusCode(404);
        a.request().delete("/api/keys/" + b.keyId()).then().statusCode(404);
        b.request().get("/api/keys").then().statusCode(200).body("id", contains((int) b.keyId()));
    }

    @Test
    void aSecondKeyOfTheSameUserSeesTheSameIncidents() {
        TestCaller a = callers.create();
        TestCaller second = a.withKey(a.request().body(Map.of("name", "second")).post("/api/keys").then()
                .statusCode(201).extract());
        int id = a.request().body(Map.of("title", "seen by both keys", "severity", "low")).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        second.request().get("/api/incidents/" + id).then().statusCode(200)
                .body("reporterKeyId", is((int) a.keyId()));
    }
}
