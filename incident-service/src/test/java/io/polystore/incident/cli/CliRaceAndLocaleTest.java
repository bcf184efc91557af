package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.incident.cli.InProcessCli.Run;
import io.polystore.ops.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line under a race (two {@code user create} with one email at once: one user, the others exit 4 with the
 * same words as a plain duplicate, never 1) and under a Turkish default locale (values with an i are read as spelled).
 */
@QuarkusTest
class CliRaceAndLocaleTest {

    private static final int PARALLEL = 4;

    @Inject
    InProcessCli cli;

    @Test
    void concurrentUserCreatesOfOneEmailExitZeroOnceAndFourOtherwise() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < 3; round++) {
                String email = uniqueEmail("cli-race");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Run>> runs = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    runs.add(threads.submit(() -> {
                        go.await();
                        return cli.run("user", "create", "--email", email, "--name", "Racer", "--json");
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Run> future : runs) {
                    Run run = future.get(2, TimeUnit.MINUTES);
                    if (run.exitCode() == ExitCodes.OK) {
                        created++;
                        assertEquals(email, cli.parse(run).get("email").asText());
                    } else {
                        assertEquals(ExitCodes.CONFLICT, run.exitCode(), () -> "a conflict: " + run);
                        assertTrue(run.err().contains("a user with email " + email + " exists"), run.err());
                        assertEquals("", run.out().strip(), "a failing command prints nothing on stdout");
                    }
                }
                assertEquals(1, created, "exactly one user");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void valuesWithAnIAreReadAsSpelledUnderATurkishLocale() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            long user = cli.json("user", "create", "--email", uniqueEmail("turkish"), "--name", "Ilker", "--json")
                    .get("id").asLong();
            JsonNode key = cli.json("api", "create", "--user-id", "" + user, "--name", "ink", "--scope",
                    "INCIDENTS", "--scope", "keys:manage", "--json");
            assertEquals("[\"incidents\",\"keys:manage\"]", key.get("scopes").toString());
            long id = cli.json("incident", "create", "--user-id", "" + user, "--title", "Izmir", "--severity",
                    "CRITICAL", "--json").get("id").asLong();
            JsonNode updated = cli.json("incident", "update", "" + id, "--status", "INVESTIGATING", "--json");
            assertEquals("investigating", updated.get("status").asText());
            assertEquals("critical", updated.get("severity").asText());
            Run text = cli.ok("incident", "list", "--user-id", "" + user, "--status", "investigating");
            assertTrue(text.out().contains("investigating") && text.out().contains("critical"), text.out());
        } finally {
            Locale.setDefault(original);
        }
    }
}
