package io.polystore.ops;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Builds a service's command line the same way for running a command and for printing help without booting Quarkus. */
final class CommandLines {

    static final String VERBOSE = "--verbose";

    private CommandLines() {
    }

    static CommandLine of(OpsCommandLine service, CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(service.rootCommand(), factory);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        service.exitCodes().forEach((code, meaning) -> exitCodes.put(" " + code, meaning));
        decorate(commandLine, exitCodes, Collections.newSetFromMap(new IdentityHashMap<>()));
        commandLine.setExecutionExceptionHandler(new FailureHandler(service));
        commandLine.setParameterExceptionHandler((failure, args) -> usageError(service, failure));
        return commandLine;
    }

    /**
     * Prints the help that {@code args} ask for ({@code --help}, {@code -h}, {@code help [command]}) without starting
     * the application, so help needs neither a store nor a complete configuration.
     *
     * @return true if help was printed (exit code 0)
     */
    static boolean printHelpIfRequested(OpsCommandLine service, String... args) {
        CommandLine commandLine = of(service, new HelpOnlyFactory());
        try {
            return CommandLine.printHelpIfRequested(commandLine.parseArgs(args));
        } catch (CommandLine.ParameterException e) {
            return false; // reported by the real run, with its exit code
        }
    }

    /** The first argument that is not an option: the command, or null. */
    static String command(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** Every command gets -h/--help, --verbose and the list of exit codes. */
    private static void decorate(CommandLine commandLine, Map<String, String> exitCodes, Set<CommandLine> seen) {
        if (!seen.add(commandLine)) {
            return;
        }
        CommandSpec spec = commandLine.getCommandSpec();
        if (!spec.helpCommand()) {
            if (spec.findOption("--help") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help and exit.").build());
            }
            spec.addOption(OptionSpec.builder(VERBOSE).arity("0").type(boolean.class)
                    .description("Print the stack trace of an unexpected failure.").build());
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        commandLine.getSubcommands().values().forEach(sub -> decorate(sub, exitCodes, seen));
    }

    private static int usageError(OpsCommandLine service, CommandLine.ParameterException failure) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + Terminal.escape(service.redact(failure.getMessage())));
        CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Makes command objects for the help text only: picocli reads their annotations and default values but never runs
     * them, so the injected services may stay null.
     */
    static final class HelpOnlyFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory plain = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return plain.create(type);
            } catch (Exception noDefaultConstructor) {
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                Object[] injected = new Object[constructor.getParameterCount()]; // all null: never used
                return type.cast(constructor.newInstance(injected));
            }
        }
    }
}
