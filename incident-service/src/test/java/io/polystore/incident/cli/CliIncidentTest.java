package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.json;
import static io.polystore.incident.cli.CliResults.run;
import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code incident ...} through {@code main}. Each test makes its own users and filters lists by them. */
@QuarkusMainTest
@TestProfile(CliDatabase.Profile.class)
class CliIncidentTest {

    static {
        CliDatabase.start();
    }

    @Test
    void anIncidentIsCreatedListedAndMovedThroughItsStatuses(QuarkusMainLauncher launcher) {
        long user = json(launcher, "user", "create", "--email", uniqueEmail("reporter"), "--name", "Reporter",
                "--json").get("id").asLong();
        long key = json(launcher, "api", "create", "--user-id", "" + user, "--name", "monitor", "--json").get("keyId")
                .asLong();

        JsonNode created = json(launcher, "incident", "create", "--user-id", "" + user, "--key-id", "" + key,
                "--title", "Disk full", "--description", "db-1 at 100%", "--severity", "HIGH", "--json");
        long id = created.get("id").asLong();
        assertEquals("open", created.get("status").asText());
        assertEquals("high", created.get("severity").asText());
        assertEquals(user, created.get("ownerUserId").asLong());
        assertEquals(key, created.get("reporterKeyId").asLong());

        JsonNode listed = json(launcher, "incident", "list", "--user-id", "" + user, "--severity", "high", "--json");
        assertEquals(List.of(id), ids(listed));
        assertTrue(listed.get("nextCursor").isNull());

        JsonNode closed = json(launcher, "incident", "update", "" + id, "--status", "closed", "--severity",
                "critical", "--json");
        assertEquals("closed", closed.get("status").asText());
        assertEquals("critical", closed.get("severity").asText());

        LaunchResult backwards = run(launcher, 4, "incident", "update", "" + id, "--status", "investigating",
                "--json");
        assertTrue(backwards.getErrorOutput().contains("status cannot change from closed to investigating"),
                backwards.getErrorOutput());
        assertTrue(backwards.getErrorOutput().contains("allowed: open"), backwards.getErrorOutput());
        assertEquals("", CliResults.stdout(backwards).strip());
    }

    @Test
    void withoutAUserTheSystemUserOwnsTheIncident(QuarkusMainLauncher launcher) {
        JsonNode created = json(launcher, "incident", "create", "--title", "Backup failed", "--severity", "medium",
                "--json");
        long system = json(launcher, "user", "create-system-user", "--json").get("id").asLong();
        assertEquals(system, created.get("ownerUserId").asLong());
        assertTrue(created.get("reporterKeyId").isNull());
    }

    @Test
    void anUnknownSeverityIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult severity = run(launcher, 2, "incident", "create", "--title", "x", "--severity", "urgent");
        assertTrue(severity.getErrorOutput().contains("'urgent' is not one of low, medium, high, critical"),
                severity.getErrorOutput());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
