package io.polystore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Strings from an API never reach the operator's terminal as control sequences (human output only). */
class TerminalTest {

    /** An OSC 52 clipboard write, a colour, a C1 CSI, a bidi override, a carriage return and a line feed. */
    static final String EVIL = "disk\u001b]52;c;ZXZpbA==\u0007 \u001b[31mred\u001b[0m \u009b2J \u202egnp.exe\rline\nnext";

    @Test
    void everyControlCharacterIsEscaped() {
        String escaped = Terminal.escape(EVIL);
        assertEquals("disk\\x1b]52;c;ZXZpbA==\\x07 \\x1b[31mred\\x1b[0m \\x9b2J \\u202egnp.exe\\x0dline\\x0anext",
                escaped);
        assertNoControlCharacters(escaped, false);
        assertEquals("plain text, ünïcödé, 日本語", Terminal.escape("plain text, ünïcödé, 日本語"));
        assertEquals("\\x00\\x1f\\x7f\\x80\\x9f\\u2066\\u2069\\x09",
                Terminal.escape("\u0000\u001f\u007f\u0080\u009f\u2066\u2069\t"));
    }

    @Test
    void tableCellsStayOnOneLineAndCarryNoEscapes() {
        StringWriter text = new StringWriter();
        Table table = new Table("ID", "TITLE");
        table.row(1, EVIL).row(2, "fine");
        table.print(new PrintWriter(text, true), "none");
        String printed = text.toString();
        assertEquals(3, printed.lines().count(), printed);
        assertNoControlCharacters(printed, true);
        assertTrue(printed.contains("\\x1b[31mred"), printed);
    }

    @Test
    void humanOutputAndMessagesAreEscapedJsonIsNot() throws Exception {
        Launched human = launch("show");
        assertEquals(0, human.exitCode, human.err);
        assertNoControlCharacters(human.out, true);
        assertTrue(human.out.contains("Title: disk\\x1b]52"), human.out);
        // a carriage return (which would overwrite the line) is escaped; a line break in free text stays one
        assertTrue(human.out.contains("\\x0dline\nnext"), human.out);

        Launched json = launch("show", "--json");
        assertEquals(0, json.exitCode, json.err);
        // JSON is for programs: the exact value, C0 controls escaped by the JSON encoder itself
        assertEquals(EVIL, new ObjectMapper().readTree(json.out).get("title").asText());
        assertFalse(json.out.contains("\u001b"), json.out);

        Launched failed = launch("fail");
        assertEquals(ExitCodes.NOT_FOUND, failed.exitCode);
        assertNoControlCharacters(failed.err, true);
        assertTrue(failed.err.contains("no incident \\x1b[2J"), failed.err);

        Launched usage = launch("show", "--title", "\u001b[2J");
        assertEquals(ExitCodes.USAGE, usage.exitCode);
        assertNoControlCharacters(usage.err, true);
    }

    static void assertNoControlCharacters(String text, boolean linesAllowed) {
        for (char c : text.toCharArray()) {
            if (linesAllowed && (c == '\n' || c == '\r')) {
                continue;
            }
            assertFalse(Terminal.unsafe(c, false), "control character U+" + Integer.toHexString(c) + " in: " + text);
        }
    }

    record Launched(int exitCode, String out, String err) {
    }

    static Launched launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsMain.commandLine(CommandLine.defaultFactory(), new TestCommandLine());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Launched(code, out.toString(), err.toString());
    }

    static final class TestCommandLine implements OpsCommandLine {

        @Override
        public Class<? extends OpsRootCommand> rootCommand() {
            return Root.class;
        }

        @Override
        public Map<Integer, String> exitCodes() {
            return ExitCodes.documented("the test failed", "incident");
        }
    }

    @Command(name = "test", subcommands = {Show.class, Fail.class})
    public static class Root extends OpsRootCommand {
    }

    /** Prints an API-supplied title, as incident-service's commands do. */
    @Command(name = "show")
    public static class Show extends OpsCommand {

        @CommandLine.Option(names = "--title")
        int title;

        public Show() {
            super(new ObjectMapper());
        }

        @Override
        protected void execute() {
            print(Map.of("title", EVIL), out -> out.printf("Title: %s%n", EVIL));
        }
    }

    @Command(name = "fail")
    public static class Fail extends OpsCommand {

        public Fail() {
            super(new ObjectMapper());
        }

        @Override
        protected void execute() {
            throw CliException.notFound("no incident \u001b[2J here");
        }
    }
}
