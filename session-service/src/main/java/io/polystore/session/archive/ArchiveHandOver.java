package io.polystore.session.archive;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one place session-service calls the archive, and its whole failure policy: each attempt gets 3 s; a failed one is
 * retried twice, 200 ms then 400 ms later (exponential, with jitter), except while the breaker is open; when half of
 * the last 10 hand-overs failed, the breaker opens and calls fail at once for 10 s, so a stopped mandate-service costs
 * the sweeper nothing but a quick failure (the sessions stay in Redis and are taken again when their claim ends).
 * mandate-service's upsert is idempotent, so a retry of a hand-over that did arrive is harmless. Each value can be
 * overridden by MicroProfile Fault Tolerance's config keys (e.g.
 * {@code io.polystore.session.archive.ArchiveHandOver/archive/Timeout/value}).
 */
@ApplicationScoped
public class ArchiveHandOver {

    private final ArchiveClient client;
    private final ServiceToken token;

    ArchiveHandOver(@RestClient ArchiveClient client, ServiceToken token) {
        this.client = client;
        this.token = token;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<ArchiveReceipt> archive(ArchiveRecord session) {
        return client.archive(token.authorization(), session);
    }
}
