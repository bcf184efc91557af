package io.polystore.session.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.RedisTestResource;
import io.polystore.session.TestUsers;
import io.polystore.session.session.SessionTimes;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Never lost, end to end: session-service on real Redis hands its idle sessions over to the real, packaged
 * mandate-service on real PostgreSQL. The archive is killed for longer than the session TTL and started again on the
 * same database; afterwards every session created is in {@code archived_sessions} once, as abandoned, and gone from
 * Redis. Time is moved with the test clock; the only real waiting is for mandate-service to start.
 */
@QuarkusTest
@TestProfile(ArchiveChainIT.RealArchive.class)
class ArchiveChainIT {

    private static final int SESSIONS = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** Moving the clock by this lets every claim lapse, so the next sweep takes the sessions again. */
    private static final Duration PAST_THE_LEASE = LEASE.plusMinutes(1);

    public static class RealArchive implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no stub archive: the real one below
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(RedisTestResource.class),
                    new TestResourceEntry(MandateServiceProcess.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // SESSION_TTL=20s, as issue 12 runs the local stack. The scheduler is off in tests, so nothing sweeps while
            // mandate-service restarts: a claim keeps a key alive for lease + ahead of real time, and a 2 min lease
            // outlasts a slow restart. No product is selected: catalog-service is never called.
            return Map.of("session.ttl", "20s", "session.archive.lease", LEASE.toSeconds() + "s",
                    "catalog-service.url", "http://127.0.0.1:1");
        }
    }

    @Inject
    TestUsers users;

    @Inject
    Sweeper sweeper;

    @Inject
    SessionTimes times;

    @Inject
    MutableClock clock;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withTheArchiveKilledLongerThanTheTtlEverySessionCreatedIsArchivedInPostgresExactlyOnce() throws Exception {
        long user = users.next();
        List<String> ids = createSessions(user);
        AtomicInteger archived = new AtomicInteger();

        MandateServiceProcess.kill();
        try {
            clock.advance(times.ttl().plusSeconds(1)); // every session is due, and past its TTL by the clock
            for (int round = 0; round < 3; round++) { // the archive stays down for minutes: many TTLs
                archived.addAndGet(sweeper.sweep().await().atMost(WAIT));
                for (String id : ids) {
                    assertNotNull(redis.value(String.class).get("session:" + id), id + " is still in Redis");
                }
                clock.advance(PAST_THE_LEASE); // the next sweep retries
            }
            assertEquals(0, archived.get(), "nothing can be archived while the archive is down");
            assertEquals(Map.of(), archivedRows(ids), "nothing reached PostgreSQL");
        } finally {
            MandateServiceProcess.restart();
        }

        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            clock.advance(PAST_THE_LEASE); // past the claims the failed hand-overs left
            archived.addAndGet(sweeper.sweep().await().atMost(WAIT));
            return ids.stream().allMatch(id -> redis.value(String.class).get("session:" + id) == null);
        });
        archived.addAndGet(sweeper.sweep().await().atMost(WAIT)); // one more: nothing is left to hand over twice

        assertEquals(SESSIONS, archived.get(), "sessions created = sessions archived");
        Map<String, List<String>> rows = archivedRows(ids);
        assertEquals(new HashSet<>(ids), rows.keySet(), "every session created is in archived_sessions");
        for (String id : ids) {
            assertEquals(List.of("abandoned|" + user + "|1"), rows.get(id), id + " archived exactly once");
            assertNull(redis.value(String.class).get("session:" + id), id + " is gone from Redis");
        }
    }

    private List<String> createSessions(long user) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract()
                    .path("sessionId");
            users.as(user).body(Map.of("role", "user", "content", "hello " + i))
                    .post("/api/sessions/" + id + "/messages").then().statusCode(200);
            ids.add(id);
        }
        return ids;
    }

    /** The archive's rows for these sessions, read straight from PostgreSQL: session id → "status|user|messages". */
    private static Map<String, List<String>> archivedRows(List<String> ids) throws SQLException {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection connection = MandateServiceProcess.database();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT session_id, status, user_id, message_count FROM archived_sessions"
                                + " WHERE session_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.computeIfAbsent(result.getString("session_id"), id -> new ArrayList<>())
                            .add(result.getString("status") + "|" + result.getString("user_id") + "|"
                                    + result.getInt("message_count"));
                }
            }
        }
        return rows;
    }
}
