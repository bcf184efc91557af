package io.polystore.incident.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Last-used times: written in bounded statements, and never moved backwards. */
@QuarkusTest
class LastUsedRecorderTest {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorderTest.class);
    /** More than the 65,535 placeholders MariaDB allows in one statement. */
    private static final int MANY = 70_000;
    private static final LocalDateTime FUTURE = LocalDateTime.of(2037, 1, 1, 0, 0);
    private static final LocalDateTime PAST = LocalDateTime.of(2001, 1, 1, 0, 0);

    @Inject
    LastUsedRecorder recorder;

    @Inject
    TestCallers callers;

    @Inject
    Pool pool;

    @Test
    void idsAreCutIntoChunksOfAtMostTheChunkSize() {
        List<Long> ids = LongStream.rangeClosed(1, 2_345).boxed().toList();
        List<List<Long>> chunks = LastUsedRecorder.chunks(ids, 1_000);
        assertEquals(List.of(1_000, 1_000, 345), chunks.stream().map(List::size).toList());
        assertEquals(ids, chunks.stream().flatMap(List::stream).toList(), "all of them, in order, once");
        assertEquals(List.of(), LastUsedRecorder.chunks(List.of(), 1_000));
        assertEquals(1_000, LastUsedRecorder.CHUNK);
    }

    @Test
    void seventyThousandKeysUsedInOneIntervalAreAllStamped() throws Throwable {
        TestCaller owner = callers.create();
        String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toLowerCase(Locale.ROOT);
        pool.preparedQuery("INSERT INTO api_keys (user_id, name, prefix, secret_hash, scopes) SELECT ?, 'bulk', "
                + "CONCAT(?, LPAD(seq, 6, '0')), UNHEX(SHA2(CONCAT(?, seq), 256)), 'incidents' FROM seq_1_to_"
                + MANY).execute(Tuple.of(owner.userId(), marker, marker)).await().atMost(Duration.ofMinutes(1));
        try {
            List<Long> ids = new ArrayList<>();
            pool.preparedQuery("SELECT id FROM api_keys WHERE user_id = ? AND name = 'bulk'")
                    .execute(Tuple.of(owner.userId())).await().atMost(Duration.ofMinutes(1))
                    .forEach(row -> ids.add(row.getLong(0)));
            assertEquals(MANY, ids.size());

            ids.forEach(recorder::record);
            long started = System.nanoTime();
            List<Integer> statements = VertxContextSupport.subscribeAndAwait(recorder::flushNow);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("stamped %d keys in %d statements in %d ms", statements.stream().mapToInt(i -> i).sum(),
                    statements.size(), tookMs);
            assertTrue(statements.stream().allMatch(size -> size <= LastUsedRecorder.CHUNK),
                    "no statement names more than " + LastUsedRecorder.CHUNK + " keys: " + statements);
            // the scheduled flush (every second in tests) may have stamped some of them first
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "SELECT COUNT(*) FROM api_keys WHERE user_id = ? AND name = 'bulk' AND last_used_at IS NOT NULL",
                    owner.userId()) == MANY);
        } finally {
            pool.preparedQuery("DELETE FROM api_keys WHERE user_id = ? AND name = 'bulk'")
                    .execute(Tuple.of(owner.userId())).await().atMost(Duration.ofMinutes(1));
        }
    }

    /**
     * Another instance whose clock is ahead wrote a later time: this one's flush must not move it back. An earlier time
     * moves forward, and a key never used gets one.
     */
    @Test
    void lastUsedNeverMovesBackwards() throws Throwable {
        long ahead = callers.create().keyId();
        long behind = callers.create().keyId();
        long never = callers.create().keyId();
        setLastUsed(ahead, FUTURE);
        setLastUsed(behind, PAST);
        setLastUsed(never, null);

        recorder.record(ahead);
        recorder.record(behind);
        recorder.record(never);
        VertxContextSupport.subscribeAndAwait(recorder::flushNow);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastUsed(never) != null);

        assertEquals(FUTURE, lastUsed(ahead), "a later time stays");
        assertTrue(lastUsed(behind).isAfter(PAST.plusYears(20)), "an earlier time moves forward: " + lastUsed(behind));
        assertTrue(lastUsed(never).isAfter(PAST.plusYears(20)), "a first use is stamped: " + lastUsed(never));
    }

    private void setLastUsed(long keyId, LocalDateTime at) {
        pool.preparedQuery("UPDATE api_keys SET last_used_at = ? WHERE id = ?").execute(Tuple.of(at, keyId))
                .await().atMost(Duration.ofSeconds(30));
    }

    private LocalDateTime lastUsed(long keyId) {
        Row row = pool.preparedQuery("SELECT last_used_at FROM api_keys WHERE id = ?").execute(Tuple.of(keyId))
                .await().atMost(Duration.ofSeconds(30)).iterator().next();
        return row.getLocalDateTime(0);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }
}
