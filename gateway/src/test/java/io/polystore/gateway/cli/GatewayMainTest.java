package io.polystore.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.test.TestStores;
import io.polystore.ops.ExitCodes;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The launcher: a real {@code main} per command, as {@code deploy/local/ops gateway ...} runs it. Each launch boots the
 * application in a new class loader and would start the global test resources again (a new Redis each time), so this
 * class switches them off and hands every launch one Redis, started once by the test class's own class loader.
 * incident-service is not needed: keys are named by id here ({@link RateLimitCommandTest} covers API keys).
 */
@QuarkusMainTest
@TestProfile(GatewayMainTest.OneRedis.class)
class GatewayMainTest {

    static final String REDIS_PROPERTY = "polystore.cli-test.redis";

    static {
        if (System.getProperty(REDIS_PROPERTY) == null) {
            System.setProperty(REDIS_PROPERTY, "redis://127.0.0.1:" + TestStores.get(StoreKind.REDIS).port());
        }
    }

    public static class OneRedis implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polystore.identity.private-key", IdentityTestResource.keys().privateKeyPem(),
                    "quarkus.redis.hosts", System.getProperty(REDIS_PROPERTY),
                    // nobody answers here: only key ids are used
                    "gateway.services.incident-service.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void helpIsPrintedWithoutBooting(QuarkusMainLauncher launcher) {
        LaunchResult help = launcher.launch("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.getOutput().contains("ratelimit"), help.getOutput());
        assertTrue(help.getOutput().contains("Exit codes"), help.getOutput());
    }

    @Test
    void commandsRunAndPrintOnlyJson(QuarkusMainLauncher launcher) {
        String keyId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L));
        LaunchResult set = launcher.launch("ratelimit", "set", keyId, "--requests", "5", "--window", "60", "--json");
        assertEquals(0, set.exitCode(), set.getErrorOutput());
        JsonObject document = new JsonObject(set.getOutput()); // stdout is exactly one JSON document
        assertEquals(5, document.getLong("requests"));
        LaunchResult get = launcher.launch("ratelimit", "get", keyId, "--json");
        assertEquals(0, get.exitCode(), get.getErrorOutput());
        assertEquals(document, new JsonObject(get.getOutput()), "the second launch reads what the first wrote");
        assertFalse(get.getOutput().contains("Listening on"), "no HTTP port is opened");
    }

    @Test
    void usageErrorsExitWith2(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ratelimit", "set", "5", "--requests", "many", "--window", "60");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--requests"), result.getErrorOutput());
    }

    @Test
    void anApiKeyOnTheCommandLineIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ratelimit", "get", "psk_AAAAAAAAAAAA." + "B".repeat(43));
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("stdin"), result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("B".repeat(43)), result.getErrorOutput());
    }
}
