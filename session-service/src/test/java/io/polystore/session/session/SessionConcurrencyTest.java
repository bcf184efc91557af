package io.polystore.session.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.session.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent writes to one session, released together: every one lands, none overwrites another. */
@QuarkusTest
class SessionConcurrencyTest {

    @Inject
    TestUsers users;

    @Test
    void twentyParallelAppendsLeaveTwentyMoreMessages() throws Exception {
        long user = users.next();
        String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract()
                .path("sessionId");
        users.as(user).body(Map.of("role", "system", "content", "start")).post("/api/sessions/" + id + "/messages")
                .then().statusCode(200);

        List<Callable<Response>> appends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String content = "parallel " + i;
            appends.add(() -> users.as(user).body(Map.of("role", "user", "content", content))
                    .post("/api/sessions/" + id + "/messages"));
        }
        for (Response response : together(appends)) {
            assertEquals(200, response.statusCode(), response.asString());
        }

        Response session = users.as(user).get("/api/sessions/" + id);
        assertEquals(21, (int) session.path("messageCount"));
        List<String> contents = session.path("conversationHistory.messages.content");
        assertEquals(21, contents.size());
        assertEquals(21, new HashSet<>(contents).size());
        assertEquals(22, (int) session.path("version"));
    }

    @Test
    void aStateChangeAndAnAppendRacingLoseNeither() throws Exception {
        for (int round = 0; round < 5; round++) {
            long user = users.next();
            String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract()
                    .path("sessionId");
            List<Callable<Response>> racing = List.of(
                    () -> users.as(user).body(Map.of("currentState", "torch_selection"))
                            .patch("/api/sessions/" + id),
                    () -> users.as(user).body(Map.of("role", "user", "content", "hello"))
                            .post("/api/sessions/" + id + "/messages"));
            for (Response response : together(racing)) {
                assertEquals(200, response.statusCode(), response.asString());
            }
            Response session = users.as(user).get("/api/sessions/" + id);
            assertEquals("torch_selection", session.path("currentState"));
            assertEquals(1, (int) session.path("messageCount"));
        }
    }

    /** Runs the calls on threads of their own, released at once. */
    private static List<Response> together(List<Callable<Response>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> results = new ArrayList<>();
            for (Callable<Response> call : calls) {
                results.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> result : results) {
                responses.add(result.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
