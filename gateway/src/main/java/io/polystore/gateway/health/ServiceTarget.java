package io.polystore.gateway.health;

import java.util.List;

/** A service to probe, and the names of its stores' readiness checks. */
record ServiceTarget(String name, String readinessUrl, List<String> databases) {
}
