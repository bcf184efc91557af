package io.polystore.gateway.fake;

import io.polystore.devstack.store.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts one fake service per Polystore service on free ports and points the gateway at them. Tests switch their
 * behaviour through {@link #get(String)}; every test starts from {@link #allUp()}.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** Service name to the store its readiness reports, as in application.properties. */
    public static final Map<String, String> DATABASES = Map.of(
            "incident-service", "mysql-incidents",
            "mandate-service", "postgresql",
            "session-service", "redis",
            "catalog-service", "neo4j",
            "payment-service", "mysql-payments");

    private static final Map<String, FakeService> RUNNING = new LinkedHashMap<>();
    private static Vertx vertx;

    @Override
    public synchronized Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        DATABASES.forEach((service, database) -> {
            FakeService fake = new FakeService(vertx, service, database, FreePort.find()).mode(Mode.UP);
            RUNNING.put(service, fake);
            config.put("gateway.services." + service + ".url", fake.url());
            config.put("gateway.services." + service + ".readiness-url", fake.url() + "/q/health/ready");
        });
        return config;
    }

    @Override
    public synchronized void stop() {
        RUNNING.values().forEach(FakeService::close);
        RUNNING.clear();
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }

    public static synchronized FakeService get(String service) {
        FakeService fake = RUNNING.get(service);
        if (fake == null) {
            throw new IllegalStateException("no fake " + service + " running in this class loader; running: "
                    + RUNNING.keySet());
        }
        return fake;
    }

    public static synchronized void allUp() {
        DATABASES.keySet().forEach(service -> get(service).mode(Mode.UP));
    }

    public static synchronized void all(Mode mode) {
        DATABASES.keySet().forEach(service -> get(service).mode(mode));
    }
}
