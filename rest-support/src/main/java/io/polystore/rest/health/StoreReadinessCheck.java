package io.polystore.rest.health;

import io.polystore.rest.store.StoreConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The one shape of every store's readiness check: a name (the one the gateway's aggregated {@code /health} reports,
 * e.g. {@code mysql-incidents}, {@code postgresql}, {@code redis}, {@code neo4j}) and one reactive ping that must
 * answer within a deadline ({@code STORE_READINESS_DEADLINE}, default in {@link StoreConfig}). DOWN carries the reason
 * in {@code data.error}; a store that the service can serve without (see {@link #required()}) stays UP and reports the
 * failure in its data.
 * <p>
 * A service declares its check as a {@code @Readiness} subclass: {@link SqlReadinessCheck} and
 * {@link RedisReadinessCheck} need only the name; any other store implements {@link #ping()}.
 */
public abstract class StoreReadinessCheck implements AsyncHealthCheck {

    private final String name;
    private final Duration deadline;

    protected StoreReadinessCheck(String name) {
        this(name, configuredDeadline());
    }

    protected StoreReadinessCheck(String name, Duration deadline) {
        this.name = name;
        this.deadline = deadline;
    }

    /** One round trip to the store; its item is ignored, a failure (or no item within the deadline) means DOWN. */
    protected abstract Uni<?> ping();

    /**
     * Whether requests cannot be served without this store. When false, a failed ping leaves the check UP with the
     * failure in its data, so an outage of an optional store never takes the instance out of rotation.
     */
    protected boolean required() {
        return true;
    }

    /** Adds store-specific data to a failed check (e.g. what the service does meanwhile). */
    protected void describeFailure(HealthCheckResponseBuilder response) {
    }

    public final String name() {
        return name;
    }

    public final Duration deadline() {
        return deadline;
    }

    @Override
    public final Uni<HealthCheckResponse> call() {
        return Uni.createFrom().deferred(this::ping)
                .ifNoItem().after(deadline)
                .failWith(() -> new TimeoutException("no answer within " + deadline))
                .map(ignored -> HealthCheckResponse.up(name))
                .onFailure().recoverWithItem(this::down);
    }

    private HealthCheckResponse down(Throwable failure) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(!required())
                .withData("error", String.valueOf(failure.getMessage()));
        describeFailure(response);
        return response.build();
    }

    private static Duration configuredDeadline() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(StoreConfig.class)
                .readinessDeadline();
    }
}
