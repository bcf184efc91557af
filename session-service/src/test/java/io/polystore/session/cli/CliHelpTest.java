package io.polystore.session.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.ops.OpsMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help is built before the application boots (also when the service starts with {@code serve}): every command must be
 * constructible without its beans, as ops-cli's help-only factory makes them (all constructor arguments null).
 */
class CliHelpTest {

    /** As ops-cli's {@code CommandLines.HelpOnlyFactory}: the first constructor, every argument null. */
    private static final CommandLine.IFactory WITHOUT_BEANS = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return CommandLine.defaultFactory().create(type);
            } catch (Exception noDefaultConstructor) {
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
            }
        }
    };

    @Test
    void everyCommandsHelpIsBuiltWithoutTheApplication() {
        CommandLine commandLine = OpsMain.commandLine(WITHOUT_BEANS, SessionServiceMain.COMMAND_LINE);
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("--help"));
        for (String command : new String[]{"serve", "session", "sweep", "stats"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " missing in\n" + out);
        }
        assertEquals(0, commandLine.execute("sweep", "--help"));
        assertTrue(out.toString().contains("--dry-run"), out.toString());
    }
}
