package io.polystore.devstack.test;

import io.polystore.devstack.store.StoreKind;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A Redis server for the test JVM; {@code POLYSTORE_TEST_REDIS_URL} points it at an external one. */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = System.getenv("POLYSTORE_TEST_REDIS_URL");
        if (url == null || url.isBlank()) {
            url = "redis://127.0.0.1:" + TestStores.get(StoreKind.REDIS).port();
        }
        return Map.of("quarkus.redis.hosts", url);
    }

    @Override
    public void stop() {
        // The server serves every test class of this JVM; TestStores stops it at exit.
    }
}
