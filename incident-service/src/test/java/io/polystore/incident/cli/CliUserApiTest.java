package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.incident.TestCaller;
import io.polystore.incident.TestCallers;
import io.polystore.incident.cli.InProcessCli.Run;
import io.polystore.incident.config.IncidentConfig;
import io.polystore.ops.ExitCodes;
import io.polystore.rest.identity.Scopes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code user ...} and {@code api ...}, in process ({@link InProcessCli}). Each test makes its own users (unique
 * emails). Keys made through REST (children of a command-line key) are made with the gateway's kind of token.
 */
@QuarkusTest
class CliUserApiTest {

    @Inject
    InProcessCli cli;

    @Inject
    TestCallers callers;

    @Inject
    IncidentConfig config;

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

    @Test
    void keysGetEveryDataScopeUnlessScopesAreNamed() {
        long userId = newUser("scopes");
        JsonNode byDefault = cli.json("api", "create", "--user-id", "" + userId, "--name", "default", "--json");
        assertEquals(Scopes.DATA, texts(byDefault.get("scopes")), "every data scope, not keys:manage");
        assertTrue(byDefault.get("parentKeyId").isNull());

        JsonNode named = cli.json("api", "create", "--user-id", "" + userId, "--name", "named", "--scope",
                Scopes.PAYMENTS, "--scope", "INCIDENTS", "--scope", Scopes.KEYS_MANAGE, "--json");
        assertEquals(List.of(Scopes.INCIDENTS, Scopes.PAYMENTS, Scopes.KEYS_MANAGE), texts(named.get("scopes")));

        JsonNode reader = cli.json("api", "create", "--user-id", "" + userId, "--name", "reader", "--scope",
                Scopes.WEBHOOKS_MANAGE, "--scope", Scopes.MANDATES_READ, "--json");
        assertEquals(List.of(Scopes.MANDATES_READ, Scopes.WEBHOOKS_MANAGE), texts(reader.get("scopes")));

        Run unknown = cli.run(ExitCodes.USAGE, "api", "create", "--user-id", "" + userId, "--name", "bad", "--scope",
                Scopes.INTERNAL);
        assertTrue(unknown.err().contains("'internal' is not one of incidents, mandates, mandates:read, sessions, "
                + "catalog, payments, keys:manage, webhooks:manage"), unknown.err());
        assertEquals("", unknown.out());

        JsonNode listed = cli.json("api", "list", "--user-id", "" + userId, "--json");
        assertEquals(Scopes.DATA, texts(listed.get(0).get("scopes")));
        String text = cli.ok("api", "list", "--user-id", "" + userId).out();
        assertTrue(text.lines().findFirst().orElseThrow().contains("SCOPES"), text);
        assertTrue(text.contains("incidents payments keys:manage"), text);
        assertTrue(text.contains(String.join(" ", Scopes.DATA)), text);
    }

    @Test
    void oneKeyMoreThanTheMostIsAConflict() {
        long userId = newUser("many");
        for (int i = 0; i < config.apiKeys().maxActive(); i++) {
            cli.ok("api", "create", "--user-id", "" + userId, "--name", "key " + i);
        }
        Run tooMany = cli.run(ExitCodes.CONFLICT, "api", "create", "--user-id", "" + userId, "--name", "one more",
                "--json");
        assertEquals("", tooMany.out());
        assertTrue(tooMany.err().contains("already has " + config.apiKeys().maxActive() + " active API keys"),
                tooMany.err());
        assertEquals(config.apiKeys().maxActive(), cli.json("api", "list", "--user-id", "" + userId, "--json").size());
    }

    @Test
    void revokingAKeyRevokesTheKeysItMadeThroughRest() {
        long userId = newUser("tree");
        JsonNode issued = cli.json("api", "create", "--user-id", "" + userId, "--name", "root", "--scope",
                Scopes.INCIDENTS, "--scope", Scopes.KEYS_MANAGE, "--json");
        TestCaller root = new TestCaller(userId, issued.get("keyId").asLong(), issued.get("apiKey").asText(),
                Set.of(Scopes.INCIDENTS, Scopes.KEYS_MANAGE), callers.signer());
        Map<String, Object> manager = Map.of("name", "manager", "scopes", List.of(Scopes.INCIDENTS,
                Scopes.KEYS_MANAGE));
        TestCaller child = root.withKey(root.request().body(manager).post("/api/keys").then().statusCode(201)
                .extract());
        TestCaller grandchild = child.withKey(child.request().body(manager).post("/api/keys").then()
                .statusCode(201).extract());
        long other = cli.json("api", "create", "--user-id", "" + userId, "--name", "other", "--json").get("keyId")
                .asLong();

        JsonNode revoked = cli.json("api", "revoke", "" + root.keyId(), "--user-id", "" + userId, "--json");
        assertTrue(revoked.get("revoked").asBoolean());
        assertEquals(List.of(child.keyId(), grandchild.keyId()), longs(revoked.get("descendantsRevoked")));
        for (TestCaller gone : List.of(root, child, grandchild)) {
            callers.verify(gone.apiKey()).then().statusCode(401);
        }
        JsonNode left = cli.json("api", "list", "--user-id", "" + userId, "--json");
        assertEquals(1, left.size());
        assertEquals(other, left.get(0).get("id").asLong());
        assertTrue(cli.ok("api", "delete", "" + other, "--user-id", "" + userId).out()
                .startsWith("Revoked API key " + other + " of user " + userId), "delete is the same command");
    }

    private long newUser(String what) {
        return cli.json("user", "create", "--email", uniqueEmail(what), "--name", what, "--json").get("id").asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> longs = new ArrayList<>();
        array.forEach(item -> longs.add(item.asLong()));
        return longs;
    }

    private static String secretOf(String apiKey) {
        return apiKey.substring(apiKey.indexOf('.') + 1);
    }
}
