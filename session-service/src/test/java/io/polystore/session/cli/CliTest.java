package io.polystore.session.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsMain;
import io.polystore.session.Neighbours;
import io.polystore.session.TestUsers;
import io.polystore.session.session.SessionTimes;
import io.polystore.testsupport.time.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ops command line, run in process against the started application (its beans, real Redis): list, show, archive,
 * sweep --dry-run, stats, with --json and their exit codes.
 */
@QuarkusTest
class CliTest {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    ObjectMapper mapper;

    @Inject
    TestUsers users;

    @Inject
    MutableClock clock;

    @Inject
    SessionTimes times;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(factory, SessionServiceMain.COMMAND_LINE);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private JsonNode json(String... args) throws Exception {
        Run run = run(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return mapper.readTree(run.out());
    }

    private String create(long user) {
        String id = users.as(user).body("{}").post("/api/sessions").then().statusCode(201).extract().path("sessionId");
        users.as(user).body(Map.of("role", "user", "content", "hi")).post("/api/sessions/" + id + "/messages").then()
                .statusCode(200);
        return id;
    }

    @Test
    void listShowAndArchiveASession() throws Exception {
        long user = users.next();
        String id = create(user);
        JsonNode listing = json("session", "list", "--user", Long.toString(user), "--json");
        assertEquals(id, listing.at("/sessions/0/sessionId").asText());
        assertEquals(1, listing.at("/sessions/0/messageCount").asInt());
        assertTrue(run("session", "list", "--user", Long.toString(user)).out().contains(id));

        JsonNode shown = json("session", "show", id, "--json");
        assertEquals("hi", shown.at("/conversationHistory/messages/0/content").asText());

        JsonNode archived = json("session", "archive", id, "--json");
        assertEquals("abandoned", archived.get("status").asText());
        assertEquals(1, Neighbours.archive().received(id).size());
        assertEquals(3, run("session", "show", id).exitCode());
        assertEquals(3, run("session", "archive", id).exitCode());
        assertEquals(2, run("session", "list", "--user", "x:y").exitCode());
    }

    @Test
    void sweepDryRunListsWhatIsDueAndChangesNothing() throws Exception {
        long user = users.next();
        String id = create(user);
        clock.advance(times.ttl().minus(times.ahead()).plusSeconds(1));
        JsonNode dryRun = json("sweep", "--dry-run", "--json");
        assertTrue(dryRun.get("due").toString().contains(id));
        assertTrue(Neighbours.archive().received(id).isEmpty());

        JsonNode stats = json("stats", "--json");
        assertTrue(stats.get("sessions").asLong() >= 1);
        assertTrue(stats.get("dueForArchiving").asLong() >= 1);
        assertEquals("noeviction", stats.get("maxMemoryPolicy").asText());

        JsonNode swept = json("sweep", "--json");
        assertTrue(swept.get("archived").asInt() >= 1);
        assertEquals(1, Neighbours.archive().received(id).size());
    }
}
