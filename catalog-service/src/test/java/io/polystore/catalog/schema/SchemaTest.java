package io.polystore.catalog.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.catalog.cli.InProcessCli;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** The migrations ran at start-up: the constraint and every index exist, online; db status and migrate say so. */
@QuarkusTest
class SchemaTest {

    @Inject
    Driver driver;

    @Inject
    InProcessCli cli;

    @Test
    void theGinIsUniqueAcrossAllTypes() {
        List<Record> constraints = run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                + "WHERE name = 'product_gin_unique' RETURN type, labelsOrTypes, properties");
        assertEquals(1, constraints.size());
        assertEquals("UNIQUENESS", constraints.get(0).get("type").asString());
        assertEquals(List.of("Product"), constraints.get(0).get("labelsOrTypes").asList());
        assertEquals(List.of("gin"), constraints.get(0).get("properties").asList());
    }

    @Test
    void everyIndexOfTheIssueExistsAndIsOnline() {
        Map<String, String> indexes = new HashMap<>();
        for (Record r : run("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state "
                + "RETURN name, type + ' ' + entityType + ' ' + reduce(s = '', l IN labelsOrTypes | s + l + ' ') "
                + "+ reduce(s = '', p IN properties | s + p + ' ') + state AS what")) {
            indexes.put(r.get("name").asString(), r.get("what").asString());
        }
        assertEquals("FULLTEXT NODE PowerSource Feeder Cooler Interconnector Torch Accessory name description ONLINE",
                indexes.get("product_name_fulltext"));
        assertEquals("RANGE NODE PowerSource process ONLINE", indexes.get("power_source_process"));
        assertEquals("RANGE NODE PowerSource current_output_a ONLINE", indexes.get("power_source_current"));
        assertEquals("RANGE NODE Feeder cooling_type ONLINE", indexes.get("feeder_cooling_type"));
        assertEquals("RANGE NODE Torch amperage_a ONLINE", indexes.get("torch_amperage"));
        assertEquals("RANGE NODE Torch cooling ONLINE", indexes.get("torch_cooling"));
        assertEquals("RANGE NODE Accessory category ONLINE", indexes.get("accessory_category"));
        assertEquals("RANGE RELATIONSHIP COMPATIBLE_WITH compatibility_type ONLINE",
                indexes.get("compatible_with_index"));
    }

    @Test
    void dbStatusShowsEveryMigrationAppliedAndMigrateHasNothingToDo() {
        JsonNode status = cli.json(0, "db", "status", "--json");
        assertEquals("0002", status.get("schemaVersion").asText());
        assertEquals(List.of("0001", "0002"), versions(status.get("applied")));
        assertEquals(0, status.get("pending").size());

        JsonNode migrated = cli.json(0, "db", "migrate", "--json");
        assertEquals(0, migrated.get("applied").asInt());
        assertEquals("0002", migrated.get("schemaVersion").asText());

        assertEquals(false, status.get("locked").asBoolean());

        String text = cli.run(0, "db", "status").out();
        assertTrue(text.contains("Schema version: 0002"), text);
        assertTrue(text.contains("2 applied, 0 pending"), text);
    }

    @Test
    void aLockLeftByAKilledRunIsShownAndRemovedOnlyWithYes() {
        run("CREATE (:__Neo4jMigrationsLock {id: 'left-by-a-killed-run', name: 'John Doe'})");
        try {
            assertTrue(cli.json(0, "db", "status", "--json").get("locked").asBoolean());
            cli.run(5, "db", "unlock");
            assertTrue(cli.json(0, "db", "status", "--json").get("locked").asBoolean());
            assertEquals(1, cli.json(0, "db", "unlock", "--yes", "--json").get("locksRemoved").asInt());
        } finally {
            run("MATCH (l:__Neo4jMigrationsLock {id: 'left-by-a-killed-run'}) DELETE l");
        }
        assertEquals(false, cli.json(0, "db", "status", "--json").get("locked").asBoolean());
        cli.json(0, "db", "migrate", "--json");
    }

    private static List<String> versions(JsonNode migrations) {
        List<String> versions = new ArrayList<>();
        migrations.forEach(m -> versions.add(m.get("version").asText()));
        return versions;
    }

    private List<Record> run(String query) {
        try (Session session = driver.session()) {
            return session.run(query).list();
        }
    }
}
