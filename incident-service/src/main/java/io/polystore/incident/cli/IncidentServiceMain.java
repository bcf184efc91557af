package io.polystore.incident.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One binary for the service and its ops command line. No arguments or {@code serve}: the HTTP service. Any other
 * command: the job runs and the process exits with its code, without opening the HTTP port, migrating the schema at
 * boot or running scheduled jobs. Those are decided during boot, so they are set here as system properties before
 * {@link Quarkus#run} and cleared afterwards (tests run {@code main} many times in one JVM).
 */
@QuarkusMain
public class IncidentServiceMain implements QuarkusApplication {

    private final CommandLine.IFactory factory;

    IncidentServiceMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        if (Cli.printHelpIfRequested(args)) {
            return;
        }
        if (serves(args)) {
            Quarkus.run(IncidentServiceMain.class, args);
            return;
        }
        Map<String, String> previous = setAll(opsProperties(args));
        try {
            Quarkus.run(IncidentServiceMain.class, args);
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

    /** What an ops command changes in the service's configuration. */
    static Map<String, String> opsProperties(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host-enabled", "false");
        properties.put("quarkus.flyway.migrate-at-start", "false");
        properties.put("quarkus.scheduler.enabled", "false");
        // stdout carries the command's output only (one JSON document with --json)
        properties.put("quarkus.log.console.stderr", "true");
        properties.put("quarkus.banner.enabled", "false");
        // no connection at boot (Hibernate's database version check): with the database down, the command itself
        // reports that in one line instead of boot warnings with stack traces
        properties.put("quarkus.hibernate-orm.database.start-offline", "true");
        if (!List.of(args).contains(Cli.VERBOSE)) {
            properties.put("quarkus.log.level", "WARN");
            // the failing command reports SQL errors itself, in one line
            properties.put("quarkus.log.category.\"org.hibernate.orm.jdbc.error\".level", "ERROR");
            properties.put("quarkus.log.category.\"io.micrometer.core.instrument.MeterRegistry\".level", "ERROR");
        }
        if ("db".equals(Cli.command(args))) {
            // the service itself keeps clean disabled (application.properties); only "db drop/setup" clean
            properties.put("quarkus.flyway.clean-disabled", "false");
        }
        return properties;
    }

    private static Map<String, String> setAll(Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }
}
