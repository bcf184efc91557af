package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.incident.cli.InProcessCli.Run;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code incident ...}, in process ({@link InProcessCli}). Each test makes its own users and filters lists by them. */
@QuarkusTest
class CliIncidentTest {

    @Inject
    InProcessCli cli;

    @Test
    void anIncidentIsCreatedListedAndMovedThroughItsStatuses() {
        long user = cli.json("user", "create", "--email", uniqueEmail("reporter"), "--name", "Reporter",
                "--json").get("id").asLong();
        long key = cli.json("api", "create", "--user-id", "" + user, "--name", "monitor", "--json").get("keyId")
                .asLong();

        JsonNode created = cli.json("incident", "create", "--user-id", "" + user, "--key-id", "" + key,
                "--title", "Disk full", "--description", "db-1 at 100%", "--severity", "HIGH", "--json");
        long id = created.get("id").asLong();
        assertEquals("open", created.get("status").asText());
        assertEquals("high", created.get("severity").asText());
        assertEquals(user, created.get("ownerUserId").asLong());
        assertEquals(key, created.get("reporterKeyId").asLong());

        JsonNode listed = cli.json("incident", "list", "--user-id", "" + user, "--severity", "high", "--json");
        assertEquals(List.of(id), ids(listed));
        assertTrue(listed.get("nextCursor").isNull());

        JsonNode closed = cli.json("incident", "update", "" + id, "--status", "closed", "--severity",
                "critical", "--json");
        assertEquals("closed", closed.get("status").asText());
        assertEquals("critical", closed.get("severity").asText());

        Run backwards = cli.run(4, "incident", "update", "" + id, "--status", "investigating",
                "--json");
        assertTrue(backwards.err().contains("status cannot change from closed to investigating"),
                backwards.err());
        assertTrue(backwards.err().contains("allowed: open"), backwards.err());
        assertEquals("", backwards.out().strip());
    }

    @Test
    void withoutAUserTheSystemUserOwnsTheIncident() {
        JsonNode created = cli.json("incident", "create", "--title", "Backup failed", "--severity", "medium",
                "--json");
        long system = cli.json("user", "create-system-user", "--json").get("id").asLong();
        assertEquals(system, created.get("ownerUserId").asLong());
        assertTrue(created.get("reporterKeyId").isNull());
    }

    @Test
    void anUnknownSeverityIsAUsageError() {
        Run severity = cli.run(2, "incident", "create", "--title", "x", "--severity", "urgent");
        assertTrue(severity.err().contains("'urgent' is not one of low, medium, high, critical"),
                severity.err());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
