package io.polystore.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.routing.ProxyRoutes;
import io.polystore.gateway.support.RecentResult;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /openapi} on the public port: the merged document of the platform ({@link ApiDocumentMerger}), built from
 * the gateway's own document and every service's {@code /q/openapi} (asked in parallel, each within
 * {@code gateway.openapi.fetch-timeout}), and served for {@code gateway.openapi.cache-ttl} before they are asked again.
 * A document that cannot be had (no answer, not 200, not a JSON OpenAPI document) leaves its service out and named in
 * {@code x-polystore-missing}; the answer is still 200.
 */
@Singleton
public class MergedApiDocument {

    static final String PATH = "/openapi";

    private record Source(String name, URI url, List<String> routes) {
    }

    private record Fetched(Source source, Optional<ObjectNode> document) {
    }

    private final WebClient client;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Duration cacheTtl;
    private final Source own;
    private final List<Source> services;
    private final RecentResult<Buffer> recent;

    MergedApiDocument(Vertx vertx, ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.timeout = config.openapi().fetchTimeout();
        this.cacheTtl = config.openapi().cacheTtl();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("polystore-gateway-openapi")
                .setKeepAlive(false)
                .setMaxPoolSize(2)
                .setConnectTimeout(Math.toIntExact(timeout.toMillis())));
        this.own = new Source(ApiDocumentMerger.GATEWAY, config.openapi().ownUrl(), List.of());
        List<Source> sources = new ArrayList<>();
        new TreeMap<>(config.services()).forEach((name, service) -> {
            sources.add(new Source(name, service.openapiDocument(), List.copyOf(service.routes())));
        });
        this.services = List.copyOf(sources);
        this.recent = new RecentResult<>(this::build, cacheTtl);
    }

    void register(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).handler(context -> {
            ProxyRoutes.tagMetrics(PATH);
            current().subscribe().with(document -> context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + cacheTtl.toSeconds())
                    .end(document), context::fail);
        });
    }

    /** The merged document, serialized; shared by every caller while it is fresh. */
    public Uni<Buffer> current() {
        return recent.get();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<Buffer> build() {
        List<Source> all = new ArrayList<>();
        all.add(own);
        all.addAll(services);
        List<Uni<Fetched>> fetches = all.stream().map(this::fetch).toList();
        return Uni.join().all(fetches).andCollectFailures().map(this::merge);
    }

    private Buffer merge(List<Fetched> fetched) {
        ApiDocumentMerger.Part ownPart = null;
        List<ApiDocumentMerger.Part> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Fetched one : fetched) {
            Source source = one.source();
            if (one.document().isEmpty()) {
                missing.add(source.name());
                continue;
            }
            ApiDocumentMerger.Part part = new ApiDocumentMerger.Part(source.name(), one.document().get(),
                    source.routes());
            if (source == own) {
                ownPart = part;
            } else {
                parts.add(part);
            }
        }
        ObjectNode merged = ApiDocumentMerger.merge(ownPart, parts, missing);
        try {
            return Buffer.buffer(json.writeValueAsBytes(merged));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the merged OpenAPI document cannot be written", e);
        }
    }

    /**
     * One source's document, or empty. Logged at INFO without a trace: the document names what is missing, and a
     * service that is down is {@code /health}'s to report.
     */
    private Uni<Fetched> fetch(Source source) {
        return Uni.createFrom().deferred(() -> client.getAbs(source.url().toString())
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .timeout(timeout.toMillis())
                .send()
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    if (response.statusCode() != 200 || response.body() == null) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    return new Fetched(source, Optional.of(document(response.body().getBytes())));
                })
                .onFailure().recoverWithItem(failure -> {
                    Log.infof("OpenAPI document of %s (%s) left out of GET /openapi: %s", source.name(),
                            source.url(), failure.getMessage() == null
                                    ? failure.getClass().getSimpleName()
                                    : failure.getMessage());
                    return new Fetched(source, Optional.empty());
                }));
    }

    private ObjectNode document(byte[] body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON");
        }
        if (!(document instanceof ObjectNode object) || !document.path("openapi").isTextual()
                || !(document.path("paths").isObject() || document.path("paths").isMissingNode())) {
            throw new IllegalStateException("not an OpenAPI document");
        }
        return object;
    }
}
