package io.polystore.incident.cli;

import io.polystore.devstack.test.MariaDbTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * One MariaDB database, {@code incidents_cli}, for every {@code @QuarkusMainTest} of the command line, shared by all
 * their launches.
 * <p>
 * Each {@code QuarkusMainLauncher.launch} boots a new application in a new class loader and starts its test resources
 * again; with the module's global {@code IncidentStoreResource} every launch would start (and keep running) a new
 * embedded MariaDB, with an empty database each time. So these tests use {@link Profile}, which switches the global
 * resource off and hands every launch the same server, started once per JVM by the test class's own class loader. The
 * database has a name of its own: {@code db drop} and {@code db setup} never touch the {@code incidents} database of
 * the other test classes (which matters on an external server, {@code POLYSTORE_TEST_MYSQL_URL}).
 * <p>
 * Each launch boots the application again (15 s to a minute on a busy 2-core machine): these tests launch each command
 * once or twice; {@link CliInProcessTest} covers the details inside one started application.
 */
final class CliDatabase {

    static final String DATABASE = "incidents_cli";
    private static final String PREFIX = "polystore.cli-test.";
    private static final List<String> KEYS = List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password");

    private CliDatabase() {
    }

    /**
     * Starts the server and migrates the schema, once per JVM. Call it from the test class (a static initializer) so
     * the server belongs to a class loader that lives as long as the JVM.
     */
    static synchronized Map<String, String> start() {
        if (System.getProperty(PREFIX + KEYS.get(0)) == null) {
            MariaDbTestResource resource = new MariaDbTestResource();
            resource.init(Map.of("database", DATABASE));
            Map<String, String> config = resource.start();
            // saves every test class a launch of "db init" (CliDbTest runs that command itself)
            Flyway.configure()
                    .dataSource(config.get("quarkus.datasource.jdbc.url"), config.get("quarkus.datasource.username"),
                            config.get("quarkus.datasource.password"))
                    .locations("classpath:db/migration").load().migrate();
            config.forEach((key, value) -> System.setProperty(PREFIX + key, value));
        }
        return config();
    }

    /** The datasource keys of the shared database (started by {@link #start()}). */
    static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        for (String key : KEYS) {
            String value = System.getProperty(PREFIX + key);
            if (value == null) {
                throw new IllegalStateException("CliDatabase.start() was not called before the first launch");
            }
            config.put(key, value);
        }
        return config;
    }

    /** The profile of every command-line test that needs the database. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return config();
        }
    }
}
