package io.polystore.incident.cli;

import static io.polystore.incident.cli.CliResults.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.incident.cli.InProcessCli.Run;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Text that came in through the API (incident titles, key names, display names) must not reach the operator's terminal
 * as control sequences (code review 2.9: an OSC 52 clipboard write or a title change planted in an incident title would
 * run on {@code incident list}). Human output shows such characters escaped; {@code --json} keeps the text exact (its
 * encoder escapes them as JSON).
 */
@QuarkusTest
class CliHostileOutputTest {

    /** ESC ] 52 (clipboard write) ... BEL, a CSI colour, a C1 CSI, and a right-to-left override. */
    private static final String PLANTED = "disk \u001b]52;c;ZWNobyBwd25lZA==\u0007full \u001b[31mred\u001b[0m \u009b2J "
            + "\u202Eevil";

    @Inject
    InProcessCli cli;

    // TODO(ops-cli): the escaping is ops-cli's (io.polystore.ops.Terminal, written by OpsCommand's human output), not
    // yet committed when this test was written. Until it is on the classpath this test is a visible skip; remove the
    // assumption once ops-cli has landed it.
    @Test
    void apiSuppliedTextIsEscapedInHumanOutputAndExactInJson() {
        Assumptions.assumeTrue(opsCliEscapes(), "waits for ops-cli's terminal escaping (io.polystore.ops.Terminal)");
        long user = cli.json("user", "create", "--email", uniqueEmail("escape"), "--name", "Name " + PLANTED,
                "--json").get("id").asLong();
        String title = "Title " + PLANTED;
        long id = cli.json("incident", "create", "--user-id", "" + user, "--title", title, "--severity", "low",
                "--json").get("id").asLong();
        assertEquals(title, cli.json("incident", "list", "--user-id", "" + user, "--json").get("items").get(0)
                .get("title").asText(), "--json keeps the text exact");

        noControls(cli.ok("incident", "list", "--user-id", "" + user));
        noControls(cli.ok("incident", "update", "" + id, "--severity", "high"));
        noControls(cli.ok("user", "list"));
        noControls(cli.ok("api", "create", "--user-id", "" + user, "--name", "Key " + PLANTED));
        noControls(cli.ok("api", "list", "--user-id", "" + user));
    }

    private static boolean opsCliEscapes() {
        try {
            Class.forName("io.polystore.ops.Terminal");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void noControls(Run run) {
        String out = run.out();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            int at = i;
            assertTrue(!control, () -> "a raw control character U+" + Integer.toHexString(c) + " at " + at
                    + " of:\n" + out);
        }
        assertTrue(out.contains("disk") || out.contains("Created") || out.contains("Updated") || out.contains("ID"),
                out);
    }
}
