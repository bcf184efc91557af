package io.polystore.gateway.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /health}. */
public record HealthReport(OverallStatus status, Map<String, ServiceHealth> services,
        Map<String, DatabaseState> databases) {

    static HealthReport of(List<ProbeResult> results) {
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        Map<String, DatabaseState> databases = new LinkedHashMap<>();
        int up = 0;
        for (ProbeResult result : results) {
            services.put(result.service(), result.health());
            databases.putAll(result.databases());
            if (result.health().status() == ServiceState.UP) {
                up++;
            }
        }
        return new HealthReport(OverallStatus.of(up, results.size()), Collections.unmodifiableMap(services),
                Collections.unmodifiableMap(databases));
    }

    /** The same report without the reasons services are down: they name internal addresses and errors. */
    public HealthReport withoutDetail() {
        Map<String, ServiceHealth> plain = new LinkedHashMap<>();
        services.forEach(
                (name, health) -> plain.put(name, new ServiceHealth(health.status(), health.latencyMs(), null)));
        return new HealthReport(status, Collections.unmodifiableMap(plain), databases);
    }

    /** 200 while at least one service is up, so a load balancer keeps a degraded gateway in rotation. */
    @JsonIgnore
    public int httpStatus() {
        return status == OverallStatus.UNHEALTHY ? 503 : 200;
    }
}
