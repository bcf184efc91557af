package io.polystore.mandate.health;

import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seed's probe paths where the health endpoints live (the management port): {@code GET /readyz} is readiness
 * ({@code /q/health/ready}: 200 UP, 503 DOWN with the failing {@code postgresql} check), {@code GET /healthz} liveness
 * ({@code /q/health/live}). Same checks, same JSON; no store is consulted for liveness. With the management interface
 * off (tests), they are on the main router, as {@code /q/health} is.
 */
@ApplicationScoped
public class SeedProbes {

    private final SmallRyeHealthReporter reporter;
    private final boolean managementEnabled;

    SeedProbes(SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false") boolean managementEnabled) {
        this.reporter = reporter;
        this.managementEnabled = managementEnabled;
    }

    void onManagement(@Observes ManagementInterface management) {
        register(management.router());
    }

    void onMain(@Observes Router router) {
        if (!managementEnabled) {
            register(router);
        }
    }

    private void register(Router router) {
        router.get("/readyz").handler(context -> answer(context, reporter::getReadinessAsync));
        router.get("/healthz").handler(context -> answer(context, reporter::getLivenessAsync));
    }

    private static void answer(RoutingContext context, Supplier<Uni<SmallRyeHealth>> health) {
        health.get().subscribe().with(
                result -> context.response().setStatusCode(result.isDown() ? 503 : 200)
                        .putHeader("Content-Type", "application/json").end(result.getPayload().toString()),
                context::fail);
    }
}
