package io.polystore.gateway.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** {@code GET /health} on the management port: the public report plus why each service is down. For operators. */
@Singleton
public class HealthDetailRoute {

    private final HealthAggregator aggregator;
    private final ObjectMapper mapper;

    HealthDetailRoute(HealthAggregator aggregator, ObjectMapper mapper) {
        this.aggregator = aggregator;
        this.mapper = mapper;
    }

    void register(@Observes ManagementInterface management) {
        management.router().get("/health").handler(context -> aggregator.current().subscribe().with(report -> {
            try {
                context.response().setStatusCode(report.httpStatus())
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(mapper.writeValueAsString(report));
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        }, context::fail));
    }
}
