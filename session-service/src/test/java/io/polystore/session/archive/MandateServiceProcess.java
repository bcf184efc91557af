package io.polystore.session.archive;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real mandate-service (the archive), as packaged by its module ({@code mandate-service/target/quarkus-app}),
 * running as a process of its own on free ports against a PostgreSQL database of the test JVM and trusting the test
 * JVM's identity key, which session-service signs its hand-overs with. Tests {@link #kill} it and {@link #restart} it
 * on the same ports and database, as an outage of the archive.
 */
public class MandateServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final Path APP = Path.of("..", "mandate-service", "target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "mandate-service-archive-chain.log");
    private static final DatabaseAccount DATABASE = new DatabaseAccount("mandates_chain", "mandates_chain",
            "chain-password");
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private static Process process;
    private static int port;
    private static int managementPort;
    private static int dbPort;

    @Override
    public synchronized Map<String, String> start() {
        if (!Files.isRegularFile(APP)) {
            throw new IllegalStateException(APP.toAbsolutePath() + " is missing: this test runs the packaged "
                    + "mandate-service; build it first (./mvnw verify builds the modules in order, or "
                    + "./mvnw -pl mandate-service -am package -DskipTests)");
        }
        dbPort = TestStores.withDatabase(StoreKind.POSTGRES, DATABASE).port();
        port = FreePort.find();
        managementPort = FreePort.find();
        try {
            Files.createDirectories(LOG.getParent());
            Files.deleteIfExists(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch();
        return Map.of("mandate-service.url", "http://127.0.0.1:" + port);
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            awaitExit(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** {@code kill -9}: the archive is gone at once, mid-connection, as a crashed or stopped node would be. */
    static synchronized void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** The same service again, on the same ports and database; returns once it is ready. */
    static synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("mandate-service is still running");
        }
        launch();
    }

    /** A connection to the archive's own database, as its owner (the test reads {@code archived_sessions}). */
    static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/" + DATABASE.database(),
                DATABASE.user(), DATABASE.password());
    }

    private static void launch() {
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", APP.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        Map<String, String> env = builder.environment();
        // the variables operators set, as deploy/local's service_env sets them
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("POSTGRES_HOST", "127.0.0.1");
        env.put("POSTGRES_PORT", Integer.toString(dbPort));
        env.put("POSTGRES_DB", DATABASE.database());
        env.put("POSTGRES_USER", DATABASE.user());
        env.put("POSTGRES_PASSWORD", DATABASE.password());
        env.put("SECRET_KEY", "archive-chain-test-secret-key-of-at-least-32-characters");
        env.put("IDENTITY_PUBLIC_KEYS", IdentityTestResource.keys().publicKeyPem());
        env.put("GATEWAY_ADDRESSES", "127.0.0.1,::1/128");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady("http://127.0.0.1:" + managementPort + "/q/health/ready");
    }

    private static void awaitReady(String readiness) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mandate-service exited with " + process.exitValue() + "; see "
                        + LOG.toAbsolutePath());
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
            pause();
        }
        throw new IllegalStateException("mandate-service not ready within " + READY_WITHIN.toSeconds() + " s; see "
                + LOG.toAbsolutePath());
    }

    /** Polling a starting process, not waiting for a TTL. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
