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
import io.polystore.testsupport.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Last-used times: written in bounded statements, and never moved backwards. */
@QuarkusTest
class LastUsedRecorderTest {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorderTest.class);
    /** More than the 65,535 placeholders MariaDB allows in one statement. */
    private static final int MANY = 70_000;
    private static final LocalDateTime FUTURE = LocalDateTime.of(2037, 1, 1, 0, 0);
    private static final LocalDateTime PAST = LocalDateTime.of(2001, 1, 1, 0, 0);
    private static final Instant FLUSHED_AT = Instant.parse("2030-06-15T10:20:30.123456Z");

    @Inject
    LastUsedRecorder recorder;

    @Inject
    TestCallers callers;

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

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
     * moves forward to the time of the flush, and a key never used gets it. Then this instance's own clock goes back
     * (an NTP step, or a lagging instance): nothing moves back either. The flush takes its time from the injected
     * clock, so every time is exact.
     */
    @Test
    void lastUsedNeverMovesBackwards() throws Throwable {
        long ahead = callers.create().keyId();
        long behind = callers.create().keyId();
        long never = callers.create().keyId();
        setLastUsed(ahead, FUTURE);
        setLastUsed(behind, PAST);
        setLastUsed(never, null);

        clock.set(FLUSHED_AT);
        flush(ahead, behind, never);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastUsedAt(never) != null);
        assertEquals(FUTURE, lastUsed(ahead), "a later time stays");
        assertEquals(FLUSHED_AT, lastUsedAt(behind), "an earlier time moves forward to the flush's");
        assertEquals(FLUSHED_AT, lastUsedAt(never), "a first use is stamped with the flush's time");

        clock.set(FLUSHED_AT.minus(Duration.ofDays(1)));
        flush(behind, never);
        assertEquals(FLUSHED_AT, lastUsedAt(behind), "a clock that went back moves nothing back");
        assertEquals(FLUSHED_AT, lastUsedAt(never));

        clock.set(FLUSHED_AT.plus(Duration.ofMinutes(5)));
        flush(behind);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> FLUSHED_AT.plus(Duration.ofMinutes(5)).equals(lastUsedAt(behind)));
        assertEquals(FLUSHED_AT, lastUsedAt(never), "a key not used since keeps its time");
        assertEquals(FUTURE, lastUsed(ahead));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    /**
     * Notes the keys as used and flushes. The scheduled flush (every second in tests) may take them first; either way
     * they are stamped with the clock's time before the next flush, so the caller waits for that where it must.
     */
    private void flush(long... keyIds) throws Throwable {
        for (long keyId : keyIds) {
            recorder.record(keyId);
        }
        VertxContextSupport.subscribeAndAwait(recorder::flushNow);
    }

    /** {@code last_used_at} as an instant, whatever the session's time zone ({@code UNIX_TIMESTAMP} is in UTC). */
    private Instant lastUsedAt(long keyId) {
        Row row = pool.preparedQuery("SELECT UNIX_TIMESTAMP(last_used_at) FROM api_keys WHERE id = ?")
                .execute(Tuple.of(keyId)).await().atMost(Duration.ofSeconds(30)).iterator().next();
        Object seconds = row.getValue(0);
        if (seconds == null) {
            return null;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(seconds.toString());
        return Instant.ofEpochSecond(exact.longValue(),
                exact.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
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
