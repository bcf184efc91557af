package io.polystore.devstack.store;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j 5 community, embedded in this JVM and reachable over Bolt only. Authentication is off: the server listens on
 * 127.0.0.1 and exists for tests and local runs.
 */
public final class Neo4jServer implements StoreServer {

    private final DatabaseManagementService dbms;
    private final int port;

    private Neo4jServer(DatabaseManagementService dbms, int port) {
        this.dbms = dbms;
        this.port = port;
    }

    public static Neo4jServer start(int port, Path homeDir) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(homeDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .build();
        return new Neo4jServer(dbms, port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
