package io.polystore.gateway.health;

import io.polystore.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Asks one service's readiness endpoint, without blocking and within a bounded time. */
@Singleton
public class ReadinessProbe {

    private final WebClient client;
    private final Duration timeout;

    ReadinessProbe(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Health health = config.health();
        // A service's own timeout can never stretch the answer past the overall deadline: all run in parallel.
        this.timeout = health.serviceTimeout().compareTo(health.deadline()) < 0
                ? health.serviceTimeout()
                : health.deadline();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("polystore-gateway-health")
                .setKeepAlive(true)
                .setMaxPoolSize(2)
                .setConnectTimeout(Math.toIntExact(timeout.toMillis())));
    }

    Uni<ProbeResult> probe(ServiceTarget target) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return client.getAbs(target.readinessUrl())
                    // Vert.x resets a silent connection; Mutiny's bound also covers a slow connect or pool wait.
                    .timeout(timeout.toMillis())
                    .send()
                    .ifNoItem().after(timeout).fail()
                    .map(response -> ReadinessAnswer.interpret(target, response.statusCode(),
                            response.body() == null ? null : response.body().getDelegate(), millisSince(started)))
                    .onFailure().recoverWithItem(failure -> ReadinessAnswer.unanswered(target, describe(failure),
                            millisSince(started)));
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private String describe(Throwable failure) {
        // Mutiny's TimeoutException (ifNoItem) is not a java.util.concurrent one; Vert.x's timeout is.
        if (failure instanceof io.smallrye.mutiny.TimeoutException || failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "not reachable: " + failure.getMessage();
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
