package io.polystore.devstack.test;

import io.polystore.devstack.store.StoreKind;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Neo4j server embedded in the test JVM (Bolt on a free port); {@code POLYSTORE_TEST_NEO4J_URI} with
 * {@code POLYSTORE_TEST_NEO4J_PASSWORD} points it at an external one.
 */
public class Neo4jTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String uri = System.getenv("POLYSTORE_TEST_NEO4J_URI");
        if (uri == null || uri.isBlank()) {
            return Map.of("quarkus.neo4j.uri", "bolt://127.0.0.1:" + TestStores.get(StoreKind.NEO4J).port());
        }
        return Map.of(
                "quarkus.neo4j.uri", uri,
                "quarkus.neo4j.authentication.password",
                System.getenv().getOrDefault("POLYSTORE_TEST_NEO4J_PASSWORD", ""));
    }

    @Override
    public void stop() {
        // The server serves every test class of this JVM; TestStores stops it at exit.
    }
}
