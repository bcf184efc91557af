package io.polystore.rest.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.problem.ProblemException;
import io.vertx.mysqlclient.MySQLException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

/** A lost race is recognised however it is wrapped, and nothing else is taken for one. */
class ConcurrentChangeTest {

    @Test
    void hibernatesStaleStateAndItsSubclassesAreALostRace() {
        assertTrue(ConcurrentChange.isLostRace(new StaleStateException("Batch update returned unexpected row count")));
        assertTrue(ConcurrentChange.isLostRace(new StaleObjectStateException("Incident", 7L)));
        assertTrue(ConcurrentChange.isLostRace(new CompletionException(new IllegalStateException("wrapped",
                new StaleStateException("row count 0")))));
    }

    @Test
    void jpasOptimisticLockIsALostRace() {
        assertTrue(ConcurrentChange.isLostRace(new CompletionException(new OptimisticLockException("stale"))));
    }

    @Test
    void mariaDbsRecordChangedSinceLastReadIsALostRaceOtherErrorsAreNot() {
        assertTrue(ConcurrentChange.isLostRace(new CompletionException(
                new MySQLException("Record has changed since last read in table 'incidents'", 1020, "HY000"))));
        assertFalse(ConcurrentChange.isLostRace(
                new MySQLException("Duplicate entry 'a' for key 'uk_users_email'", 1062, "23000")));
        assertFalse(ConcurrentChange.isLostRace(new IllegalStateException("a bug")));
        assertFalse(ConcurrentChange.isLostRace(null));
    }

    @Test
    void withIfMatchALostRaceIsA412WithoutA409() {
        Throwable race = new StaleStateException("row count 0");
        ProblemException with = (ProblemException) ConcurrentChange.answer(IfMatch.parse(List.of("\"3\"")),
                "incident 7").apply(race);
        assertEquals(412, with.problem().status());
        ProblemException without = (ProblemException) ConcurrentChange.answer(IfMatch.ABSENT, "incident 7")
                .apply(race);
        assertEquals(409, without.problem().status());
        assertTrue(without.problem().detail().startsWith("incident 7 was changed by another request"),
                without.problem().detail());
    }
}
