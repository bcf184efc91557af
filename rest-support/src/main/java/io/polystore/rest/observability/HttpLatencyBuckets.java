package io.polystore.rest.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Gives every service's {@code http.server.requests} timer fixed latency buckets, so Prometheus can compute a p99 per
 * route across instances ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}; the
 * {@code HighLatencyP99} alert). Eleven fixed buckets rather than Micrometer's percentile histogram (about 70 per
 * series): the bound on series count matters more than resolution.
 */
@Singleton
public class HttpLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Bucket bounds: 5 ms to 10 s. */
    static final long[] BOUNDS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        double[] boundsNanos = LongStream.of(BOUNDS_MILLIS).mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
                .toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(boundsNanos).build().merge(config);
            }
        };
    }
}
