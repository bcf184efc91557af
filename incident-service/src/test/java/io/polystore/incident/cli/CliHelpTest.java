package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** Help and usage errors through {@code main}. */
@QuarkusMainTest
@TestProfile(CliDatabase.Profile.class)
class CliHelpTest {

    static {
        CliDatabase.start();
    }

    @Test
    void helpListsTheCommandsAndTheExitCodesWithoutStartingTheApplication(QuarkusMainLauncher launcher) {
        String out = run(launcher, 0, "--help").getOutput();
        assertTrue(out.contains("Usage: incident-service"), out);
        for (String command : new String[]{"serve", "db", "user", "api", "incident"}) {
            assertTrue(out.contains("  " + command + " "), command + " missing in\n" + out);
        }
        assertTrue(out.contains("Exit codes:") && out.contains("5   refused"), out);
        assertFalse(out.contains("Hibernate"), "help is printed before the application boots:\n" + out);

        String drop = run(launcher, 0, "db", "drop", "-h").getOutput();
        assertTrue(drop.contains("Usage: incident-service db drop") && drop.contains("--yes"), drop);
        assertTrue(drop.contains("4   conflict"), drop);
        assertFalse(drop.contains("Hibernate"), drop);
    }

    @Test
    void anUnknownCommandIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult unknown = run(launcher, 2, "frobnicate");
        assertTrue(unknown.getErrorOutput().contains("Unmatched argument"), unknown.getErrorOutput());
        assertTrue(unknown.getErrorOutput().contains("--help"), unknown.getErrorOutput());
    }
}
