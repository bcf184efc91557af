package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.json;
import static io.polystore.incident.cli.CliResults.run;
import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/**
 * What only a real launch of {@code main} shows, once per kind of command: stdout carries exactly one JSON document
 * (logs go elsewhere), and neither output nor logs show a key's secret. The commands' behaviour is tested in process
 * ({@link CliUserApiTest}, {@link CliIncidentTest}, {@link CliInProcessTest}).
 */
@QuarkusMainTest
@TestProfile(CliDatabase.Profile.class)
class CliLaunchTest {

    static {
        CliDatabase.start();
    }

    @Test
    void eachCommandPrintsOneJsonDocumentAndNeverASecret(QuarkusMainLauncher launcher) {
        long userId = json(launcher, "user", "create", "--email", uniqueEmail("launch"), "--name", "Launch", "--json")
                .get("id").asLong();
        LaunchResult issued = run(launcher, 0, "api", "create", "--user-id", "" + userId, "--name", "ci", "--json");
        String apiKey = json(issued).get("apiKey").asText();
        String secret = apiKey.substring(apiKey.indexOf('.') + 1);
        assertEquals(1, issued.getOutput().split(secret, -1).length - 1, "the secret is printed once, as the result");

        JsonNode incident = json(launcher, "incident", "create", "--user-id", "" + userId, "--title", "Launched",
                "--severity", "low", "--json");
        assertEquals("open", incident.get("status").asText());

        LaunchResult listed = run(launcher, 0, "api", "list", "--user-id", "" + userId, "--json");
        assertEquals(1, json(listed).size());
        assertFalse(listed.getOutput().contains(secret), "neither output nor logs show the secret");
        assertTrue(listed.getErrorOutput().isBlank(), listed.getErrorOutput());
    }
}
