package io.polystore.session.session;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.rest.identity.Scopes;
import io.polystore.session.Neighbours;
import io.polystore.session.TestUsers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API on real Redis: the stored shape an operator reads with one GET, owner scoping, input bounds, the catalog
 * check of a selection (as the caller, nothing written when it fails), and the hand-over on finalize.
 */
@QuarkusTest
class SessionApiTest {

    @Inject
    TestUsers users;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void neighboursUp() {
        Neighbours.archive().up(true);
        Neighbours.catalog().up(true);
    }

    private String create(long user) {
        return users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract().path("sessionId");
    }

    @Test
    void aNewSessionIsOneJsonValueInRedisWithItsTtl() throws Exception {
        long user = users.next();
        var created = users.as(user).body(Map.of("language", "de", "masterParameters",
                Map.of("power_source", Map.of("process", "MIG")))).post("/api/sessions").then().statusCode(201)
                .body("status", equalTo("active"))
                .body("currentState", equalTo("power_source_selection"))
                .body("language", equalTo("de"))
                .body("userId", equalTo(Long.toString(user)))
                .body("messageCount", equalTo(0))
                .extract();
        String id = created.path("sessionId");
        assertTrue(created.header("Location").endsWith("/api/sessions/" + id));

        JsonNode stored = mapper.readTree(redis.value(String.class).get("session:" + id));
        assertEquals(id, stored.get("sessionId").asText());
        assertEquals("MIG", stored.at("/masterParameters/power_source/process").asText());
        long ttl = redis.key().pttl("session:" + id);
        assertTrue(ttl > 3_500_000 && ttl <= 3_600_000, "PTTL " + ttl);
        assertTrue(redis.sortedSet(String.class).zscore("user:" + user + ":sessions", id).isPresent());
        assertTrue(redis.sortedSet(String.class).zscore(SessionKeys.ARCHIVE_DUE, id).isPresent());

        users.as(user).get("/api/sessions").then().statusCode(200).body("items.sessionId", equalTo(List.of(id)));
    }

    @Test
    void messagesChangesAndSelectionsLand() {
        long user = users.next();
        String id = create(user);
        users.as(user).body(Map.of("role", "user", "content", "I need a 500A MIG welder"))
                .post("/api/sessions/" + id + "/messages").then().statusCode(200)
                .body("messageCount", equalTo(1))
                .body("conversationHistory.messages[0].role", equalTo("user"))
                .body("conversationHistory.messages[0].content", equalTo("I need a 500A MIG welder"));
        users.as(user).body(Map.of("currentState", "feeder_selection", "masterParameters",
                Map.of("feeder", Map.of("cooling_type", "water")))).patch("/api/sessions/" + id).then()
                .statusCode(200).body("currentState", equalTo("feeder_selection"))
                .body("masterParameters.feeder.cooling_type", equalTo("water"));
        users.as(user).body(Map.of("gin", Neighbours.Catalog.POWER_SOURCE_GIN))
                .put("/api/sessions/" + id + "/selections/PowerSource").then().statusCode(200)
                .body("responseJson.PowerSource.gin", equalTo(Neighbours.Catalog.POWER_SOURCE_GIN))
                .body("responseJson.PowerSource.name", equalTo("Aristo 500ix"))
                .body("productSelectionsCount", equalTo(1));
        users.as(user).body(Map.of("skipped", true)).put("/api/sessions/" + id + "/selections/Cooler").then()
                .statusCode(200).body("responseJson.Cooler", equalTo("skipped"))
                .body("productSelectionsCount", equalTo(1));
        // the caller's own token went to the catalog
        assertTrue(Neighbours.catalog().authorizations().stream().anyMatch(a -> a.startsWith("Bearer ")));
    }

    @Test
    void aSelectionTheCatalogRefusesOrCannotCheckWritesNothing() {
        long user = users.next();
        String id = create(user);
        String path = "/api/sessions/" + id + "/selections/PowerSource";
        users.as(user).body(Map.of("gin", Neighbours.Catalog.UNKNOWN_GIN)).put(path).then().statusCode(422)
                .body("errors.field", hasItem("gin"));
        users.as(user).body(Map.of("gin", Neighbours.Catalog.FEEDER_GIN)).put(path).then().statusCode(422);
        Neighbours.catalog().up(false);
        users.as(user).body(Map.of("gin", Neighbours.Catalog.POWER_SOURCE_GIN)).put(path).then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        users.as(user).get("/api/sessions/" + id).then().statusCode(200).body("productSelectionsCount", equalTo(0))
                .body("version", equalTo(1));
        users.as(user).body(Map.of("gin", "12345")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("gin"));
        users.as(user).body(Map.of("gin", Neighbours.Catalog.POWER_SOURCE_GIN))
                .put("/api/sessions/" + id + "/selections/Welder").then().statusCode(400)
                .body("errors.field", hasItem("type"));
    }

    @Test
    void anotherUsersSessionIsA404ForEveryOperation() {
        long owner = users.next();
        long stranger = users.next();
        String id = create(owner);
        String path = "/api/sessions/" + id;
        users.as(stranger).get(path).then().statusCode(404);
        users.as(stranger).body(Map.of("role", "user", "content", "hi")).post(path + "/messages").then()
                .statusCode(404);
        users.as(stranger).body(Map.of("language", "fr")).patch(path).then().statusCode(404);
        users.as(stranger).body(Map.of("gin", Neighbours.Catalog.POWER_SOURCE_GIN))
                .put(path + "/selections/PowerSource").then().statusCode(404);
        users.as(stranger).post(path + "/finalize").then().statusCode(404);
        users.as(stranger).post(path + "/complete").then().statusCode(404);
        users.as(stranger).delete(path).then().statusCode(404);
        users.as(stranger).get("/api/sessions").then().statusCode(200).body("items.size()", equalTo(0));
        users.as(owner).get(path).then().statusCode(200).body("version", equalTo(1));
        users.as(owner, Scopes.CATALOG).get(path).then().statusCode(403);
        users.as(owner).get("/api/sessions/not-a-session").then().statusCode(404);
    }

    @Test
    void boundsAre400sNamingTheField() {
        long user = users.next();
        String id = create(user);
        String messages = "/api/sessions/" + id + "/messages";
        users.as(user).body(Map.of("role", "user", "content", "x".repeat(SessionLimits.MAX_MESSAGE_LENGTH + 1)))
                .post(messages).then().statusCode(400).body("errors.field", hasItem("content"));
        users.as(user).body(Map.of("role", "robot", "content", "hi")).post(messages).then().statusCode(400)
                .body("errors.field", hasItem("role"));
        users.as(user).body(Map.of("role", "user", "content", "")).post(messages).then().statusCode(400);
        users.as(user).body(Map.of("currentState", "welding")).patch("/api/sessions/" + id).then().statusCode(400)
                .body("errors.field", hasItem("currentState"));
        users.as(user).body(Map.of("language", "english!")).patch("/api/sessions/" + id).then().statusCode(400)
                .body("errors.field", hasItem("language"));
        users.as(user).body(Map.of("masterParameters", List.of(1))).patch("/api/sessions/" + id).then()
                .statusCode(400).body("errors.field", hasItem("masterParameters"));
        users.as(user).body("{\"masterParameters\":" + "{\"a\":".repeat(9) + "1" + "}".repeat(9) + "}")
                .patch("/api/sessions/" + id).then().statusCode(400).body("errors.field", hasItem("masterParameters"));
        users.as(user).body(Map.of("masterParameters", Map.of("a", "x".repeat(SessionLimits.MAX_JSON_LENGTH))))
                .patch("/api/sessions/" + id).then().statusCode(400).body("errors.field", hasItem("masterParameters"));
        users.as(user).body(Map.of("gin", Neighbours.Catalog.POWER_SOURCE_GIN, "skipped", true))
                .put("/api/sessions/" + id + "/selections/PowerSource").then().statusCode(400);
        users.as(user).get("/api/sessions/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aSessionHoldsABoundedNumberOfMessages() {
        long user = users.next();
        String id = create(user);
        for (int i = 0; i < SessionLimits.MAX_MESSAGES; i++) {
            users.as(user).body(Map.of("role", "user", "content", "m" + i)).post("/api/sessions/" + id + "/messages")
                    .then().statusCode(200);
        }
        users.as(user).body(Map.of("role", "user", "content", "one too many"))
                .post("/api/sessions/" + id + "/messages").then().statusCode(400)
                .body("errors.field", hasItem("messages"));
    }

    @Test
    void finalizeHandsTheSessionOverAndRemovesItFromRedis() {
        long user = users.next();
        String id = create(user);
        users.as(user).body(Map.of("role", "user", "content", "done")).post("/api/sessions/" + id + "/messages")
                .then().statusCode(200);
        users.as(user).post("/api/sessions/" + id + "/finalize").then().statusCode(200)
                .body("status", equalTo("finalized")).body("finalized", equalTo(true));
        var received = Neighbours.archive().received(id);
        assertEquals(1, received.size());
        assertEquals("finalized", received.get(0).getString("status"));
        assertEquals(1, received.get(0).getInteger("messageCount"));
        assertEquals(Long.toString(user), received.get(0).getString("userId"));
        assertTrue(Neighbours.archive().authorizations().stream().allMatch(a -> a.startsWith("Bearer ")));
        assertEquals(null, redis.value(String.class).get("session:" + id));
        assertTrue(redis.sortedSet(String.class).zscore(SessionKeys.ARCHIVE_DUE, id).isEmpty());
        assertTrue(redis.sortedSet(String.class).zscore("user:" + user + ":sessions", id).isEmpty());
        users.as(user).get("/api/sessions/" + id).then().statusCode(404);
    }

    @Test
    void withTheArchiveDownAnEndedSessionStaysAndTakesNoMoreChanges() {
        long user = users.next();
        String id = create(user);
        Neighbours.archive().up(false);
        users.as(user).post("/api/sessions/" + id + "/complete").then().statusCode(202)
                .body("status", equalTo("completed"));
        users.as(user).get("/api/sessions/" + id).then().statusCode(200).body("status", equalTo("completed"));
        users.as(user).body(Map.of("role", "user", "content", "late")).post("/api/sessions/" + id + "/messages")
                .then().statusCode(409);
        users.as(user).get("/api/sessions").then().statusCode(200).body("items.size()", equalTo(0));
        assertEquals(0, Neighbours.archive().received(id).size());
    }

    @Test
    void deleteArchivesTheSessionAsAbandoned() {
        long user = users.next();
        String id = create(user);
        users.as(user).delete("/api/sessions/" + id).then().statusCode(204);
        assertEquals("abandoned", Neighbours.archive().received(id).get(0).getString("status"));
        users.as(user).get("/api/sessions/" + id).then().statusCode(404);
        users.as(user).delete("/api/sessions/" + id).then().statusCode(404);
    }
}
