package io.polystore.incident.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.incident.apikey.ApiKeyService;
import io.polystore.incident.apikey.VerifiedKey;
import io.polystore.incident.cli.InProcessCli.Run;
import io.polystore.ops.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The commands inside one started service (the beans the launcher uses, without a boot per command): the key they print
 * against the service's own verification and the stored row, the text output, and every way input fails. Runs on the
 * module's {@code incidents} database, so never {@code db drop --yes} or {@code db setup --yes} here.
 */
@QuarkusTest
class CliInProcessTest {

    @Inject
    InProcessCli cli;

    @Inject
    ApiKeyService keys;

    @Inject
    Pool pool;

    @Test
    void theIssuedKeyVerifiesAndOnlyItsHashIsStored() throws Throwable {
        long userId = newUser("verify");
        JsonNode issued = json("api", "create", "--user-id", "" + userId, "--name", "ci", "--json");
        long keyId = issued.get("keyId").asLong();
        String apiKey = issued.get("apiKey").asText();

        Optional<VerifiedKey> verified = verify(apiKey);
        assertTrue(verified.isPresent());
        assertEquals(keyId, verified.get().keyId());
        assertEquals(userId, verified.get().userId());

        byte[] stored = pool.preparedQuery("SELECT secret_hash FROM api_keys WHERE id = ?").execute(Tuple.of(keyId))
                .await().atMost(java.time.Duration.ofSeconds(30)).iterator().next().getBuffer("secret_hash").getBytes();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(apiKey));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)),
                stored);

        String newKey = json("api", "regenerate", "" + keyId, "--user-id", "" + userId, "--json").get("apiKey")
                .asText();
        assertTrue(verify(apiKey).isEmpty(), "the old secret stops working");
        assertEquals(keyId, verify(newKey).orElseThrow().keyId());

        assertEquals(0, run("api", "delete", "" + keyId, "--user-id", "" + userId).exitCode());
        assertTrue(verify(newKey).isEmpty(), "a deleted key stops working");
        assertEquals(ExitCodes.NOT_FOUND, run("api", "delete", "" + keyId, "--user-id", "" + userId).exitCode());
    }

    @Test
    void textOutputIsCompactAndShowsASecretOnlyWhenIssued() {
        String email = "text-" + UUID.randomUUID() + "@example.com";
        Run created = ok("user", "create", "--email", email, "--name", "Text Person");
        assertTrue(created.out().matches("Created user \\d+ <" + email + "> \\(Text Person\\)\\R"), created.out());
        long userId = Long.parseLong(created.out().replaceAll("(?s)Created user (\\d+) .*", "$1"));

        Run issued = ok("api", "create", "--user-id", "" + userId, "--name", "bot");
        List<String> lines = issued.out().lines().toList();
        assertEquals(2, lines.size(), issued.out());
        assertTrue(lines.get(0).contains("it is not shown again"), issued.out());
        String apiKey = lines.get(1);
        assertTrue(apiKey.startsWith("psk_"), issued.out());

        Run keyList = ok("api", "list", "--user-id", "" + userId);
        assertTrue(keyList.out().startsWith("ID"), keyList.out());
        assertTrue(keyList.out().contains(apiKey.substring(4, 16)), keyList.out());
        assertFalse(keyList.out().contains(apiKey.substring(17)), keyList.out());

        Run users = ok("user", "list");
        assertTrue(users.out().lines().anyMatch(l -> l.startsWith(userId + " ") && l.contains(email)), users.out());

        String status = ok("db", "status").out();
        assertTrue(status.contains("Schema version: 4") && status.contains("4 applied, 0 pending"), status);
        assertTrue(ok("db", "init").out().contains("Nothing to migrate: schema version 4"));

        ok("incident", "create", "--user-id", "" + userId, "--title", "Queue stuck", "--severity", "critical");
        String incidents = ok("incident", "list", "--user-id", "" + userId).out();
        assertTrue(incidents.startsWith("ID"), incidents);
        assertTrue(incidents.contains("open") && incidents.contains("critical") && incidents.contains("Queue stuck"),
                incidents);
        assertEquals("No incidents.\n", ok("incident", "list", "--user-id", "" + newUser("empty")).out());
    }

    @Test
    void incidentListsPageAndFilter() {
        long user = newUser("pages");
        long first = json("incident", "create", "--user-id", "" + user, "--title", "one", "--severity", "low",
                "--json").get("id").asLong();
        long second = json("incident", "create", "--user-id", "" + user, "--title", "two", "--severity", "high",
                "--json").get("id").asLong();

        assertEquals(List.of(second, first), ids(json("incident", "list", "--user-id", "" + user, "--json")));
        assertEquals(List.of(first),
                ids(json("incident", "list", "--user-id", "" + user, "--severity", "LOW", "--json")));
        JsonNode page = json("incident", "list", "--user-id", "" + user, "--limit", "1", "--json");
        assertEquals(List.of(second), ids(page));
        assertTrue(ok("incident", "list", "--user-id", "" + user, "--limit", "1").out()
                .contains("More: --cursor " + page.get("nextCursor").asText()));
        assertEquals(List.of(first), ids(json("incident", "list", "--user-id", "" + user, "--limit", "1", "--cursor",
                page.get("nextCursor").asText(), "--json")));

        ok("incident", "update", "" + first, "--status", "resolved");
        assertEquals(List.of(first),
                ids(json("incident", "list", "--user-id", "" + user, "--status", "resolved", "--json")));
        Run reopenedToInvestigating = run("incident", "update", "" + first, "--status", "investigating");
        assertEquals(ExitCodes.CONFLICT, reopenedToInvestigating.exitCode());
        assertEquals("error: status cannot change from resolved to investigating; allowed: open, closed\n",
                reopenedToInvestigating.err());
        assertEquals("open", json("incident", "update", "" + first, "--status", "open", "--json").get("status")
                .asText());
    }

    @Test
    void badInputIsAUsageError() {
        assertUsage(run("user", "create", "--email", "not-an-email", "--name", "X"), "invalid value for --email");
        assertUsage(run("user", "create", "--email", "a@example.com"), "missing option --name");
        assertUsage(run("api", "create", "--user-id", "1", "--name", " "), "invalid value for --name");
        assertUsage(run("api", "create", "--name", "ci"), "--user-id");
        assertUsage(run("api", "list", "--user-id", "me"), "--user-id");
        assertUsage(run("incident", "create", "--title", " ", "--severity", "low"), "invalid value for --title");
        assertUsage(run("incident", "create", "--title", "x", "--severity", "urgent"),
                "'urgent' is not one of low, medium, high, critical");
        assertUsage(run("incident", "list", "--status", "done"), "is not one of open, investigating, resolved, closed");
        assertUsage(run("incident", "list", "--limit", "0"), "--limit must be from 1 to 500");
        assertUsage(run("incident", "list", "--cursor", "not-a-cursor"), "cursor");
        assertUsage(run("incident", "update", "1"), "give at least one of --status, --severity");
        assertUsage(run("db"), "Missing required subcommand");
        assertUsage(run("frobnicate"), "Unmatched argument");
        assertUsage(run("--verbose"), "missing command");
    }

    @Test
    void unknownThingsAreNotFoundAndDuplicatesConflict() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        ok("user", "create", "--email", email, "--name", "Dup");
        Run duplicate = run("user", "create", "--email", email, "--name", "Dup");
        assertEquals(ExitCodes.CONFLICT, duplicate.exitCode());
        assertEquals("", duplicate.out());
        assertEquals("error: a user with email " + email + " exists\n", duplicate.err());

        assertEquals(ExitCodes.NOT_FOUND, run("api", "create", "--user-id", "999999999", "--name", "x").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, run("api", "list", "--user-id", "999999999").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, run("incident", "list", "--user-id", "999999999").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, run("incident", "update", "999999999", "--status", "closed").exitCode());
        assertEquals(ExitCodes.NOT_FOUND,
                run("incident", "create", "--user-id", "999999999", "--title", "x", "--severity", "low").exitCode());

        long owner = newUser("owner");
        long stranger = newUser("stranger");
        long key = json("api", "create", "--user-id", "" + owner, "--name", "mine", "--json").get("keyId").asLong();
        Run foreignKey = run("incident", "create", "--user-id", "" + stranger, "--key-id", "" + key, "--title", "x",
                "--severity", "low");
        assertEquals(ExitCodes.NOT_FOUND, foreignKey.exitCode());
        assertTrue(foreignKey.err().contains("api key " + key + " is not an active key of user " + stranger));
        assertEquals(ExitCodes.NOT_FOUND, run("api", "delete", "" + key, "--user-id", "" + stranger).exitCode());

        ok("api", "delete", "" + key, "--user-id", "" + owner);
        assertEquals(ExitCodes.NOT_FOUND, run("incident", "create", "--user-id", "" + owner, "--key-id", "" + key,
                "--title", "x", "--severity", "low").exitCode(), "a revoked key reports nothing");
        assertEquals(0, json("incident", "list", "--user-id", "" + stranger, "--json").get("items").size());
    }

    @Test
    void destructiveCommandsAreRefusedWithoutYes() {
        Run drop = run("db", "drop");
        assertEquals(ExitCodes.REFUSED, drop.exitCode());
        assertEquals("", drop.out());
        assertEquals("error: db drop deletes every table and all their data; run it again with --yes\n", drop.err());
        assertEquals(ExitCodes.REFUSED, run("db", "setup", "--json").exitCode());
        assertEquals("4", json("db", "status", "--json").get("currentVersion").asText());
    }

    @Test
    void everyCommandDocumentsItsOptionsAndTheExitCodes() {
        String[][] commands = {{"db", "init"}, {"db", "status"}, {"db", "drop"}, {"db", "setup"},
                {"user", "create"}, {"user", "create-system-user"}, {"user", "list"}, {"api", "create"},
                {"api", "list"}, {"api", "regenerate"}, {"api", "delete"}, {"incident", "create"},
                {"incident", "list"}, {"incident", "update"}};
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            Run help = ok(args.toArray(String[]::new));
            assertTrue(help.out().startsWith("Usage: incident-service " + String.join(" ", command)), help.out());
            assertTrue(help.out().contains("--json") && help.out().contains("--verbose"), help.out());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("5   refused"), help.out());
        }
        assertTrue(ok("incident", "create", "--help").out().contains("One of: low, medium, high, critical."));
    }

    private void assertUsage(Run run, String message) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    private Optional<VerifiedKey> verify(String apiKey) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> keys.verify(apiKey));
    }

    private long newUser(String what) {
        return json("user", "create", "--email", what + "-" + UUID.randomUUID() + "@example.com", "--name", what,
                "--json").get("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private JsonNode json(String... args) {
        return cli.json(args);
    }

    private Run ok(String... args) {
        return cli.ok(args);
    }

    private Run run(String... args) {
        return cli.run(args);
    }
}
