package io.polystore.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The services session-service calls, as small HTTP servers on loopback (not mocks of a store): mandate-service's
 * {@code POST /internal/archives}, which records every hand-over and can be switched off (503, as a stopped service
 * behind a proxy, or a refused connection when {@link Archive#stop}ped), and catalog-service's {@code GET
 * /api/catalog/products/{gin}} with a few products, which can answer 503.
 */
public class Neighbours implements QuarkusTestResourceLifecycleManager {

    private static Vertx vertx;
    private static Archive archive;
    private static Catalog catalog;

    public static Archive archive() {
        return archive;
    }

    public static Catalog catalog() {
        return catalog;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            archive = new Archive();
            catalog = new Catalog();
            archive.listen();
            catalog.listen();
        }
        return Map.of("mandate-service.url", "http://127.0.0.1:" + archive.port,
                "catalog-service.url", "http://127.0.0.1:" + catalog.port);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM, as the stores are
    }

    /** The archive: every successful hand-over, by session id, and the Authorization header each came with. */
    public static final class Archive {

        private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private volatile boolean up = true;
        private volatile int port;
        private HttpServer server;

        private void listen() {
            server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (!up) {
                    request.response().setStatusCode(503).end();
                    return;
                }
                JsonObject session = body.toJsonObject();
                authorizations.add(String.valueOf(request.getHeader("Authorization")));
                List<JsonObject> copies = received.computeIfAbsent(session.getString("sessionId"),
                        id -> new CopyOnWriteArrayList<>());
                copies.add(session);
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("sessionId", session.getString("sessionId"))
                                .put("outcome", copies.size() == 1 ? "created" : "unchanged").encode());
            }));
            port = await(server.listen(port)).actualPort();
        }

        public void up(boolean isUp) {
            this.up = isUp;
        }

        /** Closes the port: connections are refused until {@link #start}. */
        public void stop() {
            await(server.close());
        }

        public void start() {
            listen();
        }

        public List<JsonObject> received(String sessionId) {
            return received.getOrDefault(sessionId, List.of());
        }

        public List<String> authorizations() {
            return authorizations;
        }
    }

    /** The catalog: three products; answers 503 while down. */
    public static final class Catalog {

        public static final String POWER_SOURCE_GIN = "0446200880";
        public static final String FEEDER_GIN = "0445800880";
        public static final String UNKNOWN_GIN = "0000000001";

        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private volatile boolean up = true;
        private volatile int port;

        private void listen() {
            Map<String, JsonObject> products = Map.of(
                    POWER_SOURCE_GIN, product(POWER_SOURCE_GIN, "Aristo 500ix", "PowerSource"),
                    FEEDER_GIN, product(FEEDER_GIN, "RobustFeed Pro", "Feeder"));
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                authorizations.add(String.valueOf(request.getHeader("Authorization")));
                String prefix = "/api/catalog/products/";
                JsonObject product = request.path().startsWith(prefix)
                        ? products.get(request.path().substring(prefix.length()))
                        : null;
                if (!up) {
                    request.response().setStatusCode(503).end();
                } else if (product == null) {
                    request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                            .end("{\"status\":404}");
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(product.encode());
                }
            });
            port = await(server.listen(0)).actualPort();
        }

        private static JsonObject product(String gin, String name, String type) {
            return new JsonObject().put("gin", gin).put("name", name).put("type", type)
                    .put("description", null).put("properties", new JsonObject())
                    .put("createdAt", "2026-01-01T00:00:00Z").put("updatedAt", "2026-01-01T00:00:00Z");
        }

        public void up(boolean isUp) {
            this.up = isUp;
        }

        public List<String> authorizations() {
            return authorizations;
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a neighbour server did not start or stop", e);
        }
    }
}
