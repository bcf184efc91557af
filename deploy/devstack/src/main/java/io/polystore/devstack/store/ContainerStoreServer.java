package io.polystore.devstack.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A store in a container started by Testcontainers (POLYSTORE_TEST_STORES=containers; needs a Docker engine, and
 * Testcontainers on the test classpath: the parent pom's testcontainers profile adds it when that variable is set). Its
 * port is published on the Docker host's loopback, as the embedded servers listen on 127.0.0.1.
 */
public final class ContainerStoreServer implements StoreServer {

    private final StoreKind kind;
    private final ContainerSpec spec;
    private final GenericContainer<?> container;

    private ContainerStoreServer(StoreKind kind, ContainerSpec spec, GenericContainer<?> container) {
        this.kind = kind;
        this.spec = spec;
        this.container = container;
    }

    public static ContainerStoreServer start(StoreKind kind) {
        ContainerSpec spec = ContainerSpec.of(kind);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                .withExposedPorts(spec.port())
                .withEnv(spec.env())
                .waitingFor(Wait.forLogMessage(spec.readyLogPattern() + "\\n", spec.readyTimes())
                        .withStartupTimeout(Duration.ofMinutes(3)));
        if (!spec.command().isEmpty()) {
            container.withCommand(spec.command().toArray(String[]::new));
        }
        container.start();
        return new ContainerStoreServer(kind, spec, container);
    }

    /** Creates the database and its owner as the container's admin user; harmless when both exist. */
    public void createDatabase(DatabaseAccount account) {
        String url = switch (kind) {
            case MARIADB -> "jdbc:mariadb://127.0.0.1:" + port() + "/";
            case POSTGRES -> "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
            default -> throw new IllegalArgumentException(kind + " has no databases");
        };
        try (Connection connection = DriverManager.getConnection(url, spec.adminUser(), spec.adminPassword())) {
            if (kind == StoreKind.MARIADB) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : MariaDbServer.setupStatements(account)) {
                        statement.execute(sql);
                    }
                }
            } else {
                PostgresServer.createDatabase(connection, account);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + account.database() + " in " + spec.image(),
                    e);
        }
    }

    @Override
    public int port() {
        return container.getMappedPort(spec.port());
    }

    @Override
    public void close() {
        container.stop();
    }
}
