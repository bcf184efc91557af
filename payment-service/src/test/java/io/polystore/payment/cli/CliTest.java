package io.polystore.payment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsMain;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ops command line inside the started application (the beans the launcher uses, no boot per command): payments
 * created with the API's checks, listed, shown, counted, audited, and a cache flush that leaves other keys alone.
 */
@QuarkusTest
class CliTest {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    ObjectMapper mapper;

    @Inject
    RedisDataSource redis;

    record Run(int exitCode, String out, String err) {
    }

    Run run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(factory, PaymentServiceMain.COMMAND_LINE);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        Run run = new Run(exitCode, out.toString(), err.toString());
        assertEquals(expectedExitCode, exitCode, () -> String.join(" ", args) + "\n--- stdout:\n" + run.out()
                + "\n--- stderr:\n" + run.err());
        return run;
    }

    JsonNode json(String... args) throws Exception {
        return mapper.readTree(run(0, args).out());
    }

    @Test
    void paymentsAreCreatedListedShownCountedAndAudited() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String user = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
        JsonNode created = json("payment", "create", "--json", "--user-id", user, "--payer-name", "Ops Payer",
                "--email", "ops@example.com", "--amount", "40000", "--currency", "usd");
        assertTrue(created.path("reference").asText().startsWith("REF"), created.toString());
        assertEquals("1200.00", created.path("feeAmount").asText());
        assertEquals("USD", created.path("currency").asText());
        assertEquals(5, created.path("validations").size());
        JsonNode page = json("payment", "list", "--json", "--user-id", user);
        assertEquals(1, page.path("items").size());
        String reference = created.path("reference").asText();
        assertEquals(created.path("id").asText(), json("payment", "show", "--json", reference).path("id").asText());
        assertTrue(run(0, "payment", "show", created.path("id").asText()).out().contains("AMOUNT_THRESHOLD_EXCEEDED"));
        run(3, "payment", "show", "REF0");
        run(2, "payment", "create", "--user-id", user, "--payer-name", "X", "--email", "x@example.com", "--amount",
                "1.001", "--currency", "EUR");
        run(2, "payment", "list", "--limit", "0");
        JsonNode stats = json("stats", "--json");
        assertTrue(stats.path("total").asLong() >= 1 && stats.path("lastDay").asLong() >= 1, stats.toString());
        String export = run(0, "audit", "export", "--since", start.toString()).out();
        boolean found = false;
        for (String line : export.strip().split("\n")) {
            JsonNode entry = mapper.readTree(line);
            found |= entry.path("paymentId").asText().equals(created.path("id").asText())
                    && entry.path("action").asText().equals("CREATE") && entry.path("keyId").isNull();
        }
        assertTrue(found, export);
        run(2, "audit", "export", "--since", "yesterday");
        assertEquals("1", json("db", "status", "--json").path("currentVersion").asText());
    }

    @Test
    void cacheStatsAndAFlushThatTouchesOnlyPaymentKeys() throws Exception {
        redis.value(String.class).set("payment:test:flush-me", "x");
        redis.value(String.class).set("other:keep-me", "y");
        assertTrue(json("cache", "stats", "--json").path("keys").asLong() >= 1);
        assertTrue(json("cache", "flush", "--json").path("deleted").asLong() >= 1);
        assertEquals(0, json("cache", "stats", "--json").path("keys").asLong());
        assertEquals("y", redis.value(String.class).get("other:keep-me"));
    }
}
