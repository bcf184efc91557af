package io.polystore.ops;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One binary for a service and its ops command line. No arguments or {@code serve}: the HTTP service. Any other
 * command: the job runs and the process exits with its code, without opening the HTTP port. What differs between the
 * two is decided during boot, so it is set here as system properties before {@link Quarkus#run} and restored afterwards
 * (tests run {@code main} many times in one JVM). A service's {@code @QuarkusMain} delegates both of its methods here:
 *
 * <pre>{@code
 * public static void main(String... args) {
 *     OpsMain.main(MyMain.class, COMMAND_LINE, args);
 * }
 * public int run(String... args) {
 *     return OpsMain.run(factory, COMMAND_LINE, args);
 * }
 * }</pre>
 */
public final class OpsMain {

    private OpsMain() {
    }

    public static void main(Class<? extends QuarkusApplication> application, OpsCommandLine service,
            String... args) {
        if (CommandLines.printHelpIfRequested(service, args)) {
            return;
        }
        if (serves(args)) {
            Quarkus.run(application, args);
            return;
        }
        Map<String, String> previous = setAll(opsProperties(service, args));
        try {
            Quarkus.run(application, args);
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** Runs the command in the booted application; returns its exit code. */
    public static int run(CommandLine.IFactory factory, OpsCommandLine service, String... args) {
        return commandLine(factory, service).execute(args);
    }

    /** The service's command line with the shared options, help sections and failure handling (tests drive it). */
    public static CommandLine commandLine(CommandLine.IFactory factory, OpsCommandLine service) {
        return CommandLines.of(service, factory);
    }

    /** Whether {@code args} ask for the HTTP service rather than an ops command. */
    public static boolean serves(String... args) {
        return args.length == 0 || "serve".equals(CommandLines.command(args));
    }

    /** What an ops run changes in the service's configuration. */
    public static Map<String, String> opsProperties(OpsCommandLine service, String... args) {
        boolean verbose = List.of(args).contains(CommandLines.VERBOSE);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host-enabled", "false");
        // nor the management port: the service itself may hold it
        properties.put("quarkus.management.host-enabled", "false");
        // stdout carries the command's output only (one JSON document with --json)
        properties.put("quarkus.log.console.stderr", "true");
        properties.put("quarkus.banner.enabled", "false");
        if (!verbose) {
            properties.put("quarkus.log.level", "WARN");
        }
        properties.putAll(service.opsProperties(CommandLines.command(args), verbose));
        return properties;
    }

    private static Map<String, String> setAll(Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }
}
