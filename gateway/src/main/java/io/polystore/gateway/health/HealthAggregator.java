package io.polystore.gateway.health;

import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.support.RecentResult;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.TreeMap;

/** Computes {@code /health} from every service's readiness, asked in parallel, and reuses it briefly. */
@Singleton
public class HealthAggregator {

    private final ReadinessProbe probe;
    private final List<ServiceTarget> targets;
    private final RecentResult<HealthReport> recent;

    HealthAggregator(ReadinessProbe probe, GatewayConfig config) {
        this.probe = probe;
        this.targets = new TreeMap<>(config.services()).entrySet().stream()
                .map(service -> new ServiceTarget(service.getKey(), service.getValue().readinessUrl().toString(),
                        List.copyOf(service.getValue().databases())))
                .toList();
        this.recent = new RecentResult<>(this::compute, config.health().cacheTtl());
    }

    public Uni<HealthReport> current() {
        return recent.get();
    }

    private Uni<HealthReport> compute() {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(HealthReport.of(List.of()));
        }
        // Each probe recovers from its own failures, so the join always yields one result per service.
        List<Uni<ProbeResult>> probes = targets.stream().map(probe::probe).toList();
        return Uni.join().all(probes).andCollectFailures().map(HealthReport::of);
    }
}
