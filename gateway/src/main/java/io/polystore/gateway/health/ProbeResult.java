package io.polystore.gateway.health;

import java.util.Map;

/** What one readiness probe learned: the service's state and that of each of its stores. */
record ProbeResult(String service, ServiceHealth health, Map<String, DatabaseState> databases) {
}
