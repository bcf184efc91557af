package io.polystore.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.fake.FakeKeys;
import io.polystore.gateway.fake.FakeServices;
import io.polystore.gateway.fake.Mode;
import io.polystore.gateway.ratelimit.RateLimitKeys;
import io.polystore.ops.ExitCodes;
import io.polystore.ops.OpsMain;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code ratelimit} commands, run inside a started gateway with the launcher's own command line and beans, against
 * the test Redis and the fake incident-service (a launch per command would boot the application each time; the launcher
 * itself is covered by {@link GatewayMainTest}).
 */
@QuarkusTest
class RateLimitCommandTest {

    /** What one command printed and returned. */
    record LaunchResult(int exitCode, String getOutput, String getErrorOutput) {
    }

    /** Runs commands the way {@link GatewayMain#run} does. */
    final class Launcher {

        /** With {@code stdin} as the command's standard input. */
        LaunchResult launchWithStdin(String stdin, String... args) {
            java.io.InputStream original = System.in;
            System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try {
                return launch(args);
            } finally {
                System.setIn(original);
            }
        }

        LaunchResult launch(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = OpsMain.commandLine(factory, GatewayMain.COMMAND_LINE);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            return new LaunchResult(exitCode, out.toString(), err.toString());
        }
    }

    @Inject
    CommandLine.IFactory factory;

    @Inject
    RedisDataSource redis;

    final Launcher launcher = new Launcher();

    @Inject
    io.polystore.gateway.auth.KeyVerifier verifier;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void servicesUp() {
        FakeServices.allUp();
        verifier.resetBreaker(); // other test classes of this application leave failures behind
    }

    Response redis(String command, String... args) {
        return redis.execute(command, args);
    }

    static long randomKeyId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
    }

    static JsonObject json(LaunchResult result) {
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        return new JsonObject(result.getOutput());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        LaunchResult ratelimit = launcher.launch("ratelimit", "--help");
        assertEquals(0, ratelimit.exitCode());
        for (String command : new String[]{"set", "get", "reset", "list", "unset"}) {
            assertTrue(ratelimit.getOutput().contains(command), ratelimit.getOutput());
        }
        assertTrue(ratelimit.getOutput().contains("Exit codes"));
    }

    @Test
    void setGetListUnsetByKeyId() {
        long keyId = randomKeyId();
        String id = String.valueOf(keyId);
        JsonObject set = json(launcher.launch("ratelimit", "set", id, "--requests", "200", "--window", "7200",
                "--json"));
        assertEquals(keyId, set.getLong("keyId"));
        assertEquals(200, set.getLong("requests"));
        assertEquals(7200, set.getLong("window"));
        assertTrue(set.getBoolean("custom"));
        assertNull(set.getValue("current"));
        assertEquals("200", redis("HGET", RateLimitKeys.limit("gateway:", keyId), "requests").toString(),
                "written where the limiter reads it");

        JsonObject get = json(launcher.launch("ratelimit", "get", id, "--json"));
        assertEquals(set, get);
        LaunchResult text = launcher.launch("ratelimit", "get", id);
        assertEquals(0, text.exitCode());
        assertTrue(text.getOutput().contains("200 requests per 7200 s (custom limit"), text.getOutput());

        JsonArray custom = json(launcher.launch("ratelimit", "list", "--json")).getJsonArray("custom");
        assertTrue(custom.stream().map(JsonObject.class::cast).anyMatch(limit -> limit.getLong("keyId") == keyId
                && limit.getLong("requests") == 200 && limit.getLong("window") == 7200), custom.encode());
        LaunchResult list = launcher.launch("ratelimit", "list");
        assertTrue(list.getOutput().contains(id), list.getOutput());

        JsonObject unset = json(launcher.launch("ratelimit", "unset", id, "--json"));
        assertTrue(unset.getBoolean("removed"));
        JsonObject defaults = json(launcher.launch("ratelimit", "get", id, "--json"));
        assertFalse(defaults.getBoolean("custom"));
        assertEquals(defaults.getLong("defaultRequests"), defaults.getLong("requests"));
        assertEquals(3600, defaults.getLong("window"));
    }

    @Test
    void resetClearsTheCurrentWindowOnly() {
        long keyId = randomKeyId();
        String window = RateLimitKeys.window("gateway:", keyId);
        long now = redis("TIME").get(0).toLong();
        // A window as the limiter's script leaves it: 4 requests counted, expiring at its end.
        redis("HSET", window, "start", String.valueOf(now), "count", "4");
        redis("EXPIREAT", window, String.valueOf(now + 60));
        launcher.launch("ratelimit", "set", String.valueOf(keyId), "--requests", "5", "--window", "60");

        JsonObject before = json(launcher.launch("ratelimit", "get", String.valueOf(keyId), "--json"));
        assertEquals(4, before.getJsonObject("current").getLong("used"));
        assertEquals(1, before.getJsonObject("current").getLong("remaining"));
        assertEquals(now + 60, before.getJsonObject("current").getLong("reset"));

        JsonObject reset = json(launcher.launch("ratelimit", "reset", String.valueOf(keyId), "--json"));
        assertTrue(reset.getBoolean("cleared"));
        assertEquals(4, reset.getJsonObject("windowBefore").getLong("used"));
        assertEquals(0, redis("EXISTS", window).toLong(), "the window is gone");
        JsonObject after = json(launcher.launch("ratelimit", "get", String.valueOf(keyId), "--json"));
        assertNull(after.getValue("current"));
        assertEquals(5, after.getLong("requests"), "the limit itself stays");
        assertFalse(json(launcher.launch("ratelimit", "reset", String.valueOf(keyId), "--json"))
                .getBoolean("cleared"));
    }

    @Test
    void anApiKeyReadFromStdinIsResolvedToItsIdAndNeverPrinted() {
        FakeKeys.Key key = FakeKeys.issue("stdin");
        try {
            LaunchResult set = launcher.launchWithStdin(key.apiKey() + "\n", "ratelimit", "set", "-", "--requests",
                    "5", "--window", "60", "--json");
            assertNoSecret(set, key.secret());
            assertEquals(key.keyId(), json(set).getLong("keyId"));
            LaunchResult get = launcher.launchWithStdin(key.apiKey(), "ratelimit", "get", "--key-stdin");
            assertNoSecret(get, key.secret());
            assertTrue(get.getOutput().contains("Key " + key.keyId() + ": 5 requests per 60 s"), get.getOutput());
            LaunchResult unset = launcher.launchWithStdin("  " + key.apiKey() + "  \n", "ratelimit", "unset", "-");
            assertEquals(0, unset.exitCode(), unset.getErrorOutput());
            assertNoSecret(unset, key.secret());
        } finally {
            launcher.launch("ratelimit", "unset", String.valueOf(key.keyId()));
        }
    }

    @Test
    void anApiKeyOnTheCommandLineIsRefusedAndNotEchoed() {
        FakeKeys.Key key = FakeKeys.issue("argument");
        long before = json(launcher.launch("ratelimit", "get", String.valueOf(key.keyId()), "--json"))
                .getLong("requests");
        for (String[] args : new String[][]{{"ratelimit", "get", key.apiKey()},
                {"ratelimit", "set", key.apiKey(), "--requests", "1", "--window", "60"},
                {"ratelimit", "unset", " " + key.apiKey()}}) {
            LaunchResult result = launcher.launch(args);
            assertEquals(ExitCodes.USAGE, result.exitCode(), result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("stdin"), result.getErrorOutput());
            assertNoSecret(result, key.secret());
        }
        assertEquals(before, json(launcher.launch("ratelimit", "get", String.valueOf(key.keyId()), "--json"))
                .getLong("requests"), "nothing was changed");
        LaunchResult prefix = launcher.launch("ratelimit", "get", key.apiKey().substring(0, key.apiKey().indexOf('.')));
        assertEquals(ExitCodes.USAGE, prefix.exitCode());
        assertTrue(prefix.getErrorOutput().contains("key id"), prefix.getErrorOutput());
        LaunchResult both = launcher.launchWithStdin(key.apiKey(), "ratelimit", "get", "12", "--key-stdin");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        LaunchResult none = launcher.launch("ratelimit", "get");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        LaunchResult garbage = launcher.launchWithStdin("not a key\n", "ratelimit", "get", "-");
        assertEquals(ExitCodes.USAGE, garbage.exitCode());
        assertFalse(garbage.getErrorOutput().contains("not a key"), garbage.getErrorOutput());
        LaunchResult empty = launcher.launchWithStdin("", "ratelimit", "get", "-");
        assertEquals(ExitCodes.USAGE, empty.exitCode());
    }

    @Test
    void verificationsAskedFromAPlainThreadReadEveryAnswer() throws Exception {
        // The ops command line asks from its own thread, not a Vert.x context: every answer's body must be read.
        for (int i = 0; i < 100; i++) {
            io.polystore.gateway.auth.Identity identity = verifier.ask(FakeKeys.STANDARD.apiKey())
                    .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(FakeKeys.STANDARD.keyId(), identity.keyId(), "answer " + i);
        }
    }

    @Test
    void anInvalidKeyIsNotFoundAndNotEchoed() {
        String unknown = FakeKeys.unknown();
        LaunchResult result = launcher.launchWithStdin(unknown, "ratelimit", "get", "-");
        assertEquals(ExitCodes.NOT_FOUND, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("not valid"), result.getErrorOutput());
        assertNoSecret(result, unknown.substring(unknown.indexOf('.') + 1));
    }

    @Test
    void badInputIsAUsageErrorAndNeverEchoesAKey() {
        String secretKey = FakeKeys.unknown();
        String secret = secretKey.substring(secretKey.indexOf('.') + 1);
        LaunchResult misplaced = launcher.launch("ratelimit", "set", "5", "--requests", secretKey, "--window", "60");
        assertEquals(ExitCodes.USAGE, misplaced.exitCode());
        assertNoSecret(misplaced, secret);
        assertTrue(misplaced.getErrorOutput().contains("<redacted>"), misplaced.getErrorOutput());
        assertEquals(ExitCodes.USAGE, launcher.launch("ratelimit", "get", "not-a-key").exitCode());
        assertEquals(ExitCodes.USAGE, launcher.launch("ratelimit", "set", "5", "--requests", "-1", "--window", "60")
                .exitCode());
        assertEquals(ExitCodes.USAGE, launcher.launch("ratelimit", "set", "5", "--requests", "1", "--window", "0")
                .exitCode());
        assertEquals(ExitCodes.USAGE, launcher.launch("ratelimit", "set", "5", "--requests", "1").exitCode());
        assertEquals(ExitCodes.USAGE, launcher.launch("ratelimit", "frobnicate").exitCode());
    }

    @Test
    void incidentServiceDownFailsTheResolutionButNotKeyIds() {
        FakeServices.get("incident-service").mode(Mode.CLOSED);
        LaunchResult result = launcher.launchWithStdin(FakeKeys.STANDARD.apiKey(), "ratelimit", "get", "-");
        assertEquals(ExitCodes.FAILURE, result.exitCode());
        assertTrue(result.getErrorOutput().contains("INCIDENT_SERVICE_URL"), result.getErrorOutput());
        assertNoSecret(result, FakeKeys.STANDARD.secret());
        assertEquals(0, launcher.launch("ratelimit", "get", String.valueOf(randomKeyId())).exitCode());
    }

    static void assertNoSecret(LaunchResult result, String secret) {
        assertFalse(result.getOutput().contains(secret), "stdout shows the key: " + result.getOutput());
        assertFalse(result.getErrorOutput().contains(secret), "stderr shows the key: " + result.getErrorOutput());
    }
}
