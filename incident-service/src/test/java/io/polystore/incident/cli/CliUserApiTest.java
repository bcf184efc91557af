package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.json;
import static io.polystore.incident.cli.CliResults.run;
import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code user ...} and {@code api ...} through {@code main}. Each test makes its own users (unique emails). */
@QuarkusMainTest
@TestProfile(CliDatabase.Profile.class)
class CliUserApiTest {

    static {
        CliDatabase.start();
    }

    @Test
    void aKeyIsCreatedListedRegeneratedAndDeleted(QuarkusMainLauncher launcher) {
        String email = uniqueEmail("ops");
        JsonNode user = json(launcher, "user", "create", "--email", email, "--name", "Ops Person", "--json");
        long userId = user.get("id").asLong();
        assertEquals(email, user.get("email").asText());

        JsonNode issued = json(launcher, "api", "create", "--user-id", "" + userId, "--name", "ci", "--json");
        long keyId = issued.get("keyId").asLong();
        String apiKey = issued.get("apiKey").asText();
        assertEquals(userId, issued.get("userId").asLong());
        assertTrue(apiKey.matches("psk_[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{43}"), apiKey);

        LaunchResult listed = run(launcher, 0, "api", "list", "--user-id", "" + userId, "--json");
        JsonNode keys = json(listed);
        assertEquals(1, keys.size());
        assertEquals(keyId, keys.get(0).get("id").asLong());
        assertEquals(apiKey.substring(4, 16), keys.get(0).get("prefix").asText(), "the key's public prefix");
        assertFalse(listed.getOutput().contains(secretOf(apiKey)), "neither output nor logs show the secret");

        JsonNode regenerated = json(launcher, "api", "regenerate", "" + keyId, "--user-id", "" + userId, "--json");
        assertEquals(keyId, regenerated.get("keyId").asLong());
        assertNotEquals(apiKey, regenerated.get("apiKey").asText());

        assertTrue(json(launcher, "api", "delete", "" + keyId, "--user-id", "" + userId, "--json").get("revoked")
                .asBoolean());
        assertEquals(0, json(launcher, "api", "list", "--user-id", "" + userId, "--json").size());
    }

    @Test
    void missingInputDuplicatesAndOtherUsersKeysFail(QuarkusMainLauncher launcher) {
        LaunchResult noEmail = run(launcher, 2, "user", "create", "--name", "Nobody");
        assertTrue(noEmail.getErrorOutput().contains("missing option --email (no terminal to prompt on)"),
                noEmail.getErrorOutput());

        String email = uniqueEmail("owner");
        long owner = json(launcher, "user", "create", "--email", email, "--name", "Owner", "--json").get("id")
                .asLong();
        LaunchResult duplicate = run(launcher, 4, "user", "create", "--email", email.toUpperCase(Locale.ROOT),
                "--name", "Owner again");
        assertTrue(duplicate.getErrorOutput().contains("error: a user with email " + email + " exists"),
                duplicate.getErrorOutput());

        long other = json(launcher, "user", "create", "--email", uniqueEmail("other"), "--name", "Other", "--json")
                .get("id").asLong();
        long keyId = json(launcher, "api", "create", "--user-id", "" + owner, "--name", "bot", "--json").get("keyId")
                .asLong();
        LaunchResult foreign = run(launcher, 3, "api", "regenerate", "" + keyId, "--user-id", "" + other);
        assertTrue(foreign.getErrorOutput().contains("api key " + keyId + " not found"), foreign.getErrorOutput());
    }

    @Test
    void theSystemUserIsCreatedOnce(QuarkusMainLauncher launcher) {
        JsonNode first = json(launcher, "user", "create-system-user", "--json");
        JsonNode second = json(launcher, "user", "create-system-user", "--json");
        assertEquals(first.get("id").asLong(), second.get("id").asLong());
        assertEquals("system@polystore.internal", second.get("email").asText());
        assertTrue(second.get("system").asBoolean());

        JsonNode users = json(launcher, "user", "list", "--json");
        assertEquals(1, users.findValuesAsText("email").stream().filter("system@polystore.internal"::equals).count());
    }

    private static String secretOf(String apiKey) {
        return apiKey.substring(apiKey.indexOf('.') + 1);
    }
}
