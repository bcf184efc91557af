package io.polystore.mandate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.Credentials.Issuer;
import io.polystore.mandate.TestTenant;
import io.polystore.mandate.TestTenants;
import io.polystore.ops.OpsMain;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ops commands inside one started service (the beans the launcher uses, without a boot per command). Runs on the
 * module's {@code mandates} database, so never {@code db drop --yes} or {@code db setup --yes} here.
 */
@QuarkusTest
class CliTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    ObjectMapper mapper;
    @Inject
    TestTenants tenants;

    record Run(int exitCode, String out, String err) {
    }

    Run run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(factory, MandateServiceMain.COMMAND_LINE);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        Run run = new Run(commandLine.execute(args), out.toString(), err.toString());
        assertEquals(expectedExitCode, run.exitCode(),
                () -> String.join(" ", args) + "\n--- stdout:\n" + run.out() + "\n--- stderr:\n" + run.err());
        return run;
    }

    JsonNode json(String... args) throws Exception {
        return mapper.readTree(run(0, args).out());
    }

    @Test
    void dbStatusShowsTheVersionHistoryAndNothingPending() throws Exception {
        JsonNode status = json("db", "status", "--json");
        assertTrue(Integer.parseInt(status.get("currentVersion").asText()) >= 2, status.toString());
        assertEquals(0, status.get("pending").size());
        assertEquals("1", status.get("applied").get(0).get("version").asText());
        assertTrue(run(0, "db", "status").out().contains("Schema version: "));
        run(5, "db", "drop");
        run(5, "db", "setup");
    }

    @Test
    void dbStatsReportsTheSeedsMonitoringFigures() throws Exception {
        JsonNode stats = json("db", "stats", "--json");
        assertTrue(stats.get("connections").asLong() >= 1, stats.toString());
        assertTrue(stats.get("databaseBytes").asLong() > 0);
        assertTrue(stats.get("tables").findValuesAsText("table").contains("mandates"), stats.toString());
        assertTrue(stats.get("indexes").findValuesAsText("index").contains("idx_mandates_tenant_status"));
        assertTrue(run(0, "db", "stats").out().contains("cache hit ratio"));
    }

    @Test
    void mandatesOfOneTenantAreListedAndShown() throws Exception {
        TestTenant tenant = tenants.create();
        String id = tenant.request().body(Map.of("vcJwt", Issuer.ed25519().sign("did:example:s", "p", "1.00", "EUR",
                Instant.now().plusSeconds(3600)))).post("/api/mandates").then().statusCode(201).extract().path("id");
        JsonNode list = json("mandate", "list", "--tenant", tenant.tenantId(), "--json");
        assertEquals(id, list.get("items").get(0).get("id").asText());
        assertEquals(0, json("mandate", "list", "--tenant", tenants.create().tenantId(), "--json").get("items").size());
        JsonNode shown = json("mandate", "show", "--tenant", tenant.tenantId(), id, "--json");
        assertEquals("VALID", shown.get("verificationStatus").asText());
        run(3, "mandate", "show", "--tenant", "someone-else", id);
        run(3, "mandate", "show", "--tenant", tenant.tenantId(), UUID.randomUUID().toString());
        run(2, "mandate", "show", "--tenant", tenant.tenantId(), "not-a-uuid");
        run(2, "mandate", "list", "--tenant", tenant.tenantId(), "--status", "ACTIVE");
        tenant.request().get("/api/mandates/" + id + "/audit").then().statusCode(200)
                .body("items[0].details.via", org.hamcrest.Matchers.is("ops-cli"));
    }

    @Test
    void theJobsRunFromTheCommandLineAndDryRunsChangeNothing() throws Exception {
        JsonNode retention = json("retention", "run", "--dry-run", "--json");
        assertTrue(retention.get("ran").asBoolean() && retention.get("dryRun").asBoolean(), retention.toString());
        assertTrue(json("retention", "run", "--json").get("ran").asBoolean());
        JsonNode expiry = json("alerts", "check-expiring", "--days", "7", "--dry-run", "--json");
        assertTrue(expiry.get("ran").asBoolean(), expiry.toString());
        run(2, "alerts", "check-expiring", "--days", "31");
        assertTrue(json("webhook", "deliveries", "--failed", "--json").has("items"));
        run(2, "webhook", "retry-failed");
        assertEquals(0, json("webhook", "retry-failed", "--tenant", tenants.create().tenantId(), "--json")
                .get("queued").asInt());
    }
}
