package io.polystore.gateway.contract;

import io.polystore.devstack.store.DatabaseAccount;
import io.polystore.devstack.store.FreePort;
import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.TestStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real incident-service, as packaged by its module ({@code incident-service/target/quarkus-app}), running as a
 * process of its own on free ports against a MariaDB database of the test JVM, and trusting the test JVM's identity
 * key. The gateway under test is pointed at it; {@link #ops} runs its ops command line.
 */
public class IncidentServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final Path APP = Path.of("..", "incident-service", "target", "quarkus-app", "quarkus-run.jar");
    private static final DatabaseAccount DATABASE = new DatabaseAccount("incidents_contract", "incidents_contract",
            "contract-password");

    private static Process process;
    private static int port;
    private static int dbPort;

    @Override
    public synchronized Map<String, String> start() {
        if (!Files.isRegularFile(APP)) {
            throw new IllegalStateException(APP.toAbsolutePath() + " is missing: the contract test runs the packaged "
                    + "incident-service; build it first (./mvnw verify builds the modules in order, or "
                    + "./mvnw -pl incident-service -am package -DskipTests)");
        }
        dbPort = TestStores.withDatabase(StoreKind.MARIADB, DATABASE).port();
        port = FreePort.find();
        int management = FreePort.find();
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("incident-service-contract.log");
            ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    APP.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            environment(builder.environment());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(management));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String readiness = "http://127.0.0.1:" + management + "/q/health/ready";
        awaitReady(readiness);
        return Map.of("gateway.services.incident-service.url", url(),
                "gateway.services.incident-service.readiness-url", readiness);
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }

    /** incident-service's own address (tests call it directly to show what it refuses). */
    static String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs {@code incident-service <args>} as an operator would and returns its stdout; fails on a non-zero exit. */
    static String ops(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                APP.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(builder.environment());
        try {
            Process run = builder.start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("incident-service " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The variables operators set, as deploy/local sets them. */
    private static void environment(Map<String, String> env) {
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", Integer.toString(dbPort));
        env.put("DB_NAME", DATABASE.database());
        env.put("DB_USER", DATABASE.user());
        env.put("DB_PASSWORD", DATABASE.password());
        env.put("IDENTITY_PUBLIC_KEYS", IdentityTestResource.keys().publicKeyPem());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
    }

    private static void awaitReady(String readiness) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("incident-service exited with " + process.exitValue()
                        + "; see target/incident-service-contract.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(readiness))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                "incident-service not ready within 120 s; see target/incident-service-contract.log");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
