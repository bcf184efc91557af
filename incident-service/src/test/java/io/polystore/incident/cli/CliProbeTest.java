package io.polystore.incident.cli;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class CliProbeTest {

    @Test
    void probe(QuarkusMainLauncher launcher) {
        for (String[] args : new String[][] { { "--help" }, { "db", "init" }, { "db", "status", "--json" },
                { "user", "create", "--email", "probe" + System.nanoTime() + "@example.com", "--name", "P", "--json" },
                { "user", "create", "--name", "P" }, { "incident", "list", "--severity", "urgent" },
                { "db", "drop" }, { "--verbose", "user", "list", "--json" } }) {
            LaunchResult r = launcher.launch(args);
            System.err.println("=== " + String.join(" ", args) + " -> " + r.exitCode());
            System.err.println("--- OUT:\n" + r.getOutput());
            System.err.println("--- ERR:\n" + r.getErrorOutput());
        }
    }
}
