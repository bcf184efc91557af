package io.polystore.mandate.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code archive stats} (every user's, the view session_summary_stats) and {@code archive show}, run in process. */
@QuarkusTest
class ArchiveCommandTest {

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    CommandLine.IFactory factory;

    @Inject
    ObjectMapper mapper;

    @Inject
    ArchiveCallers callers;

    private JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(ArchiveCommand.class, factory);
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute(args), out.toString());
        return mapper.readTree(out.toString());
    }

    @Test
    void statsCoverEveryUserAndShowReadsAnyUsersSession() throws Exception {
        JsonNode before = json("stats", "--json");
        Map<String, Object> one = ArchiveCallers.session(callers.newUser(), "finalized", START, START.plusSeconds(60),
                2);
        callers.archive(one).then().statusCode(200);
        callers.archive(ArchiveCallers.session(callers.newUser(), "abandoned", START, START, 0)).then()
                .statusCode(200);

        JsonNode after = json("stats", "--json");
        assertEquals(before.get("totalSessions").asLong() + 2, after.get("totalSessions").asLong());
        assertEquals(before.get("uniqueUsers").asLong() + 2, after.get("uniqueUsers").asLong());
        assertEquals(before.get("finalizedSessions").asLong() + 1, after.get("finalizedSessions").asLong());
        assertEquals(before.get("abandonedSessions").asLong() + 1, after.get("abandonedSessions").asLong());

        JsonNode shown = json("show", (String) one.get("sessionId"), "--json");
        assertEquals("finalized", shown.get("status").asText());
        assertEquals(60, shown.get("sessionDurationSeconds").asInt());
        assertTrue(shown.get("finalized").asBoolean());
    }
}
