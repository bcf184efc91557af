package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.json;
import static io.polystore.incident.cli.CliResults.run;
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

/**
 * The schema commands, on the command line's own database ({@link CliDatabase}). Every test leaves the schema migrated,
 * whatever it dropped.
 */
@QuarkusMainTest
@TestProfile(CliDatabase.Profile.class)
class CliDbTest {

    static {
        CliDatabase.start();
    }

    @Test
    void destructiveCommandsRefuseWithoutYesAndDropNothing(QuarkusMainLauncher launcher) {
        LaunchResult drop = run(launcher, 5, "db", "drop", "--json");
        assertTrue(drop.getErrorOutput().contains("db drop deletes every table"), drop.getErrorOutput());
        assertTrue(drop.getErrorOutput().contains("--yes"), drop.getErrorOutput());
        assertEquals("", CliResults.stdout(drop).strip(), "nothing on stdout when refused");
        run(launcher, 5, "db", "setup");

        JsonNode status = json(launcher, "db", "status", "--json");
        assertEquals("4", status.get("currentVersion").asText());
        assertEquals(List.of("1", "2", "3", "4"), versions(status.get("applied")));
        assertEquals(0, status.get("pending").size());
    }

    @Test
    void setupGivesTheLatestSchema(QuarkusMainLauncher launcher) {
        JsonNode setup = json(launcher, "db", "setup", "--yes", "--json");
        assertEquals(List.of(CliDatabase.DATABASE), texts(setup.get("dropped").get("schemasCleaned")));
        assertEquals(4, setup.get("migrated").get("migrationsExecuted").asInt());

        JsonNode status = json(launcher, "db", "status", "--json");
        assertEquals("4", status.get("currentVersion").asText());
        assertEquals(List.of("1", "2", "3", "4"), versions(status.get("applied")));
        assertEquals(0, status.get("pending").size());
    }

    @Test
    void dropLeavesEverythingPendingAndInitAppliesIt(QuarkusMainLauncher launcher) {
        String dropped = run(launcher, 0, "db", "drop", "--yes").getOutput();
        assertTrue(dropped.contains("Dropped every object in schema " + CliDatabase.DATABASE), dropped);
        try {
            JsonNode status = json(launcher, "db", "status", "--json");
            assertTrue(status.get("currentVersion").isNull(), status.toString());
            assertEquals(0, status.get("applied").size());
            assertEquals(List.of("1", "2", "3", "4"), versions(status.get("pending")));
        } finally {
            JsonNode init = json(launcher, "db", "init", "--json");
            assertEquals(4, init.get("migrationsExecuted").asInt());
            assertEquals("4", init.get("currentVersion").asText());
        }
    }

    private static List<String> versions(JsonNode migrations) {
        List<String> versions = new ArrayList<>();
        migrations.forEach(m -> versions.add(m.get("version").asText()));
        return versions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
