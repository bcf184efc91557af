package io.polystore.gateway.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One binary for the gateway and its ops command line. No arguments or {@code serve}: the HTTP gateway. Any other
 * command: the job runs and the process exits with its code, without opening the HTTP port. That is decided during
 * boot, so it is set here as system properties before {@link Quarkus#run} and cleared afterwards (tests run
 * {@code main} many times in one JVM).
 */
@QuarkusMain
public class GatewayMain implements QuarkusApplication {

    private final CommandLine.IFactory factory;

    GatewayMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        if (Cli.printHelpIfRequested(args)) {
            return;
        }
        if (serves(args)) {
            Quarkus.run(GatewayMain.class, args);
            return;
        }
        Map<String, String> previous = setAll(opsProperties(args));
        try {
            Quarkus.run(GatewayMain.class, args);
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

    @Override
    public int run(String... args) {
        return Cli.commandLine(factory).execute(args);
    }

    static boolean serves(String... args) {
        return args.length == 0 || "serve".equals(Cli.command(args));
    }

    /** What an ops command changes in the gateway's configuration. */
    static Map<String, String> opsProperties(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host-enabled", "false");
        // stdout carries the command's output only (one JSON document with --json)
        properties.put("quarkus.log.console.stderr", "true");
        properties.put("quarkus.banner.enabled", "false");
        if (!List.of(args).contains(Cli.VERBOSE)) {
            properties.put("quarkus.log.level", "WARN");
        }
        return properties;
    }

    private static Map<String, String> setAll(Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }
}
