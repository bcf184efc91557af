package io.polystore.payment.cache;

import io.micrometer.core.instrument.MeterRegistry;

/** The cache's counters as the tests read them. */
record CacheMeters(MeterRegistry registry) {

    double requests(String result) {
        return registry.counter("payment.cache.requests", "result", result).count();
    }

    double invalidationFailures() {
        return registry.counter("payment.cache.invalidation.failures").count();
    }
}
