package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No database behind the configured address: exit code 1, one message, a stack trace only with --verbose. */
@QuarkusMainTest
@TestProfile(CliUnreachableDatabaseTest.NoDatabase.class)
class CliUnreachableDatabaseTest {

    public static class NoDatabase implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            String address = "127.0.0.1:" + closedPort();
            return Map.of("quarkus.datasource.reactive.url", "mysql://" + address + "/incidents",
                    "quarkus.datasource.jdbc.url", "jdbc:mariadb://" + address + "/incidents",
                    "quarkus.datasource.username", "nobody", "quarkus.datasource.password", "nothing");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aReactiveCommandFailsWithOneLine(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, 1, "user", "list", "--json");
        String err = result.getErrorOutput();
        assertTrue(err.contains("error: " + IncidentCommandLine.DATABASE_HINT), err);
        assertTrue(err.contains("--verbose"), err);
        assertFalse(err.contains("\tat "), err);
        assertTrue(CliResults.stdout(result).isBlank(), result.getOutput());
    }

    @Test
    void withVerboseAFlywayCommandAlsoPrintsTheStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult verbose = run(launcher, 1, "--verbose", "db", "status");
        assertTrue(verbose.getErrorOutput().contains("error: " + IncidentCommandLine.DATABASE_HINT),
                verbose.getErrorOutput());
        assertTrue(verbose.getErrorOutput().contains("\tat "), verbose.getErrorOutput());
    }
}
