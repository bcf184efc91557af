package io.polystore.session.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.session.Neighbours;
import io.polystore.session.TestUsers;
import io.polystore.session.session.SessionStore;
import io.polystore.session.session.SessionTimes;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Never lost, on real Redis with the archive played by a real HTTP server: idle sessions are archived as abandoned
 * before their TTL ends; with the archive stopped they stay (their keys kept alive) and, once it is back, every one
 * arrives exactly once; two sweepers never hand one session over twice; a sweeper killed after its claim delays a
 * session by the lease only. Time is moved with the test clock, never slept through.
 */
@QuarkusTest
class SweeperTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestUsers users;

    @Inject
    Sweeper sweeper;

    @Inject
    SessionStore store;

    @Inject
    SessionTimes times;

    @Inject
    MutableClock clock;

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void reset() {
        clock.reset();
        Neighbours.archive().up(true);
    }

    private List<String> createSessions(long user, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract()
                    .path("sessionId");
            users.as(user).body(Map.of("role", "user", "content", "hello " + i))
                    .post("/api/sessions/" + id + "/messages").then().statusCode(200);
            ids.add(id);
        }
        return ids;
    }

    /** To just past the moment these sessions became due: before their TTL ends. */
    private void moveToDue() {
        clock.advance(times.ttl().minus(times.ahead()).plusSeconds(1));
    }

    private void sweepUntilArchived(List<String> ids) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(Duration.ofMinutes(1)); // past every claim's lease (30 s)
            sweeper.sweep().await().atMost(WAIT);
            return ids.stream().allMatch(id -> !Neighbours.archive().received(id).isEmpty());
        });
    }

    @Test
    void anIdleSessionIsArchivedAsAbandonedBeforeItsTtlEnds() {
        long user = users.next();
        String id = createSessions(user, 1).get(0);
        sweeper.sweep().await().atMost(WAIT);
        assertTrue(Neighbours.archive().received(id).isEmpty(), "not due yet");

        moveToDue();
        double before = archived("abandoned");
        sweeper.sweep().await().atMost(WAIT);
        var received = Neighbours.archive().received(id);
        assertEquals(1, received.size());
        assertEquals("abandoned", received.get(0).getString("status"));
        assertEquals(1, received.get(0).getInteger("messageCount"));
        assertEquals(null, redis.value(String.class).get("session:" + id));
        assertTrue(archived("abandoned") >= before + 1);
        users.as(user).get("/api/sessions/" + id).then().statusCode(404);
    }

    @Test
    void withTheArchiveStoppedNoSessionIsLostAndEachArrivesExactlyOnceAfterwards() {
        long user = users.next();
        List<String> ids = createSessions(user, 12);
        Neighbours.archive().stop();
        try {
            moveToDue();
            double failuresBefore = failures();
            for (int round = 0; round < 5; round++) { // longer than the TTL, in claims
                sweeper.sweep().await().atMost(WAIT);
                for (String id : ids) {
                    assertTrue(redis.value(String.class).get("session:" + id) != null, id + " is still in Redis");
                    long pttl = redis.key().pttl("session:" + id);
                    assertTrue(pttl > Duration.ofSeconds(30).toMillis(), "kept alive past the lease: " + pttl);
                }
                clock.advance(Duration.ofMinutes(20));
            }
            assertTrue(failures() > failuresBefore);
            assertTrue(sweeper.measureOldestDue().await().atMost(WAIT).compareTo(Duration.ofMinutes(60)) > 0);
            assertTrue(registry.get("session.archive.due.oldest.age.seconds").gauge().value() > 3600);
        } finally {
            Neighbours.archive().start();
        }
        sweepUntilArchived(ids);
        for (String id : ids) {
            assertEquals(1, Neighbours.archive().received(id).size(), id + " arrived exactly once");
            assertEquals("abandoned", Neighbours.archive().received(id).get(0).getString("status"));
            assertEquals(null, redis.value(String.class).get("session:" + id));
        }
        sweeper.sweep().await().atMost(WAIT);
        assertEquals(0.0, registry.get("session.archive.due.oldest.age.seconds").gauge().value());
    }

    @Test
    void twoSweepersAtOnceHandEachSessionOverOnce() {
        long user = users.next();
        List<String> ids = createSessions(user, 20);
        moveToDue();
        Uni.join().all(sweeper.sweep(), sweeper.sweep(), sweeper.sweep()).andCollectFailures()
                .await().atMost(WAIT);
        for (String id : ids) {
            assertEquals(1, Neighbours.archive().received(id).size(), id);
        }
    }

    @Test
    void aSweeperKilledAfterItsClaimDelaysTheSessionByTheLeaseOnly() {
        long user = users.next();
        String id = createSessions(user, 1).get(0);
        moveToDue();
        Instant now = clock.instant();
        // a sweeper claims everything due, then dies (kill -9) before handing anything over
        List<String> claimed = store.claimDue(now, times.claimUntil(now), 10_000).await().atMost(WAIT);
        assertTrue(claimed.contains(id));
        sweeper.sweep().await().atMost(WAIT);
        assertTrue(Neighbours.archive().received(id).isEmpty(), "the claim hides it from other sweepers");

        clock.advance(Duration.ofSeconds(31));
        sweeper.sweep().await().atMost(WAIT);
        assertEquals(1, Neighbours.archive().received(id).size());
        assertEquals(null, redis.value(String.class).get("session:" + id));
    }

    @Test
    void activityDuringAClaimKeepsTheSessionAndItsNewerActivityWinsLater() {
        long user = users.next();
        String id = createSessions(user, 1).get(0);
        moveToDue();
        Instant now = clock.instant();
        Instant claim = times.claimUntil(now);
        store.claimDue(now, claim, 10_000).await().atMost(WAIT);
        var stale = store.read(id).await().atMost(WAIT).orElseThrow();
        users.as(user).body(Map.of("role", "user", "content", "still here")).post("/api/sessions/" + id + "/messages")
                .then().statusCode(200);
        // the claimed snapshot is removed only while the claim holds: the new message keeps the session
        assertEquals(false, store.finish(stale, claim).await().atMost(WAIT));
        users.as(user).get("/api/sessions/" + id).then().statusCode(200);
    }

    private double archived(String status) {
        var counter = registry.find("session.archived").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private double failures() {
        return registry.get("session.archive.failures").counter().count();
    }
}
