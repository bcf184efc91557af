package io.polystore.incident.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Two creates of one email at once both pass the "does it exist?" check; the unique key decides, and the loser must be
 * the same 409 as a duplicate found by the check, never an unexpected failure (a 500, exit code 1).
 */
@QuarkusTest
class UserCreateRaceTest {

    private static final Logger LOG = Logger.getLogger(UserCreateRaceTest.class);
    private static final int PARALLEL = 6;
    private static final int ROUNDS = 5;

    @Inject
    UserService users;

    @Inject
    Pool pool;

    @Test
    void concurrentCreatesOfOneEmailMakeOneUserAndConflicts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        int conflicts = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String email = "race-" + UUID.randomUUID() + "@example.com";
                List<Attempt> creates = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    // mixed case: the same email once lower-cased
                    String spelled = i % 2 == 0 ? email : email.toUpperCase(java.util.Locale.ROOT);
                    creates.add(() -> VertxContextSupport
                            .subscribeAndAwait(() -> users.create(new NewUser(spelled, "Racer"))));
                }
                List<Object> outcomes = race(threads, creates);
                long created = outcomes.stream().filter(UserView.class::isInstance).count();
                for (Object outcome : outcomes) {
                    if (outcome instanceof Throwable failure) {
                        assertTrue(failure instanceof ProblemException problem && problem.problem().status() == 409,
                                () -> "a conflict, nothing else: " + failure);
                        assertTrue(((ProblemException) failure).problem().detail().contains(email),
                                "the same words as a duplicate the check finds");
                        conflicts++;
                    }
                }
                assertEquals(1, created, () -> "one user: " + outcomes);
                assertEquals(1, count("SELECT COUNT(*) FROM users WHERE email = ?", email));
            }
        } finally {
            threads.shutdownNow();
        }
        LOG.infof("%d rounds of %d concurrent creates: %d conflicts", ROUNDS, PARALLEL, conflicts);
    }

    /**
     * Runs with the system user absent (the existing one is moved aside and put back), so the creates really race: all
     * of them get the one system user.
     */
    @Test
    void concurrentCreatesOfTheSystemUserAllGetTheSameOne() throws Exception {
        String aside = "system-aside-" + UUID.randomUUID() + "@polystore.internal";
        execute("UPDATE users SET email = ? WHERE email = ?", aside, UserService.SYSTEM_EMAIL);
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Attempt> creates = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                creates.add(() -> VertxContextSupport.subscribeAndAwait(users::createSystemUser));
            }
            List<Object> outcomes = race(threads, creates);
            Set<Long> ids = new HashSet<>();
            for (Object outcome : outcomes) {
                assertTrue(outcome instanceof UserView, () -> "every run returns the system user: " + outcome);
                ids.add(((UserView) outcome).id());
            }
            assertEquals(1, ids.size(), () -> "one system user: " + outcomes);
            assertEquals(1, count("SELECT COUNT(*) FROM users WHERE email = ?", UserService.SYSTEM_EMAIL));
        } finally {
            threads.shutdownNow();
            // put the original back if there was one (the one made here has nothing that refers to it)
            if (count("SELECT COUNT(*) FROM users WHERE email = ?", aside) == 1) {
                execute("DELETE FROM users WHERE email = ?", UserService.SYSTEM_EMAIL);
                execute("UPDATE users SET email = ? WHERE email = ?", UserService.SYSTEM_EMAIL, aside);
            }
        }
    }

    /** One call of the race; it may fail with anything. */
    interface Attempt {
        Object run() throws Throwable;
    }

    /** Starts every call at once; each outcome is the call's value or its failure. */
    static List<Object> race(ExecutorService threads, List<Attempt> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Attempt call : calls) {
            futures.add(threads.submit(() -> {
                go.await();
                try {
                    return call.run();
                } catch (Throwable failure) {
                    return failure;
                }
            }));
        }
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(2, TimeUnit.MINUTES));
        }
        return outcomes;
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    private void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(30));
    }
}
