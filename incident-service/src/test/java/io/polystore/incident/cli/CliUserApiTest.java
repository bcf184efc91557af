package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.incident.cli.InProcessCli.Run;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code user ...} and {@code api ...}, in process ({@link InProcessCli}). Each test makes its own users (unique
 * emails).
 */
@QuarkusTest
class CliUserApiTest {

    @Inject
    InProcessCli cli;

    @Test
    void aKeyIsCreatedListedRegeneratedAndDeleted() {
        String email = uniqueEmail("ops");
        JsonNode user = cli.json("user", "create", "--email", email, "--name", "Ops Person", "--json");
        long userId = user.get("id").asLong();
        assertEquals(email, user.get("email").asText());

        JsonNode issued = cli.json("api", "create", "--user-id", "" + userId, "--name", "ci", "--json");
        long keyId = issued.get("keyId").asLong();
        String apiKey = issued.get("apiKey").asText();
        assertEquals(userId, issued.get("userId").asLong());
        assertTrue(apiKey.matches("psk_[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{43}"), apiKey);

        Run listed = cli.run(0, "api", "list", "--user-id", "" + userId, "--json");
        JsonNode keys = cli.parse(listed);
        assertEquals(1, keys.size());
        assertEquals(keyId, keys.get(0).get("id").asLong());
        assertEquals(apiKey.substring(4, 16), keys.get(0).get("prefix").asText(), "the key's public prefix");
        assertFalse(listed.out().contains(secretOf(apiKey)), "neither output nor logs show the secret");

        JsonNode regenerated = cli.json("api", "regenerate", "" + keyId, "--user-id", "" + userId, "--json");
        assertEquals(keyId, regenerated.get("keyId").asLong());
        assertNotEquals(apiKey, regenerated.get("apiKey").asText());

        assertTrue(cli.json("api", "delete", "" + keyId, "--user-id", "" + userId, "--json").get("revoked")
                .asBoolean());
        assertEquals(0, cli.json("api", "list", "--user-id", "" + userId, "--json").size());
    }

    @Test
    void missingInputDuplicatesAndOtherUsersKeysFail() {
        Run noEmail = cli.run(2, "user", "create", "--name", "Nobody");
        assertTrue(noEmail.err().contains("missing option --email (no terminal to prompt on)"),
                noEmail.err());

        String email = uniqueEmail("owner");
        long owner = cli.json("user", "create", "--email", email, "--name", "Owner", "--json").get("id")
                .asLong();
        Run duplicate = cli.run(4, "user", "create", "--email", email.toUpperCase(Locale.ROOT),
                "--name", "Owner again");
        assertTrue(duplicate.err().contains("error: a user with email " + email + " exists"),
                duplicate.err());

        long other = cli.json("user", "create", "--email", uniqueEmail("other"), "--name", "Other", "--json")
                .get("id").asLong();
        long keyId = cli.json("api", "create", "--user-id", "" + owner, "--name", "bot", "--json").get("keyId")
                .asLong();
        Run foreign = cli.run(3, "api", "regenerate", "" + keyId, "--user-id", "" + other);
        assertTrue(foreign.err().contains("api key " + keyId + " not found"), foreign.err());
    }

    @Test
    void theSystemUserIsCreatedOnce() {
        JsonNode first = cli.json("user", "create-system-user", "--json");
        JsonNode second = cli.json("user", "create-system-user", "--json");
        assertEquals(first.get("id").asLong(), second.get("id").asLong());
        assertEquals("system@polystore.internal", second.get("email").asText());
        assertTrue(second.get("system").asBoolean());

        JsonNode users = cli.json("user", "list", "--json");
        assertEquals(1, users.findValuesAsText("email").stream().filter("system@polystore.internal"::equals).count());
    }

    private static String secretOf(String apiKey) {
        return apiKey.substring(apiKey.indexOf('.') + 1);
    }
}
