package io.polystore.rest.store;

import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Puts a deadline on every reactive store call: {@code calls.bounded("postgresql", () -> repository.find(...))}. Past
 * {@link StoreConfig#deadline()} the call fails with {@link StoreUnavailableException} (503 with {@code Retry-After}),
 * and its subscription is cancelled. Failures that mean the store is unreachable pass through unchanged; the mappers
 * classify them ({@link StoreFailure}).
 */
@Singleton
@Unremovable
public class StoreCalls {

    private final Duration deadline;

    public StoreCalls(StoreConfig config) {
        this.deadline = config.deadline();
    }

    public Duration deadline() {
        return deadline;
    }

    /** The call, failed with {@link StoreUnavailableException} when it has no item within the deadline. */
    public <T> Uni<T> bounded(String store, Supplier<? extends Uni<? extends T>> call) {
        return within(deadline, store, call);
    }

    public static <T> Uni<T> within(Duration deadline, String store, Supplier<? extends Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call::get)
                .ifNoItem().after(deadline)
                .failWith(() -> new StoreUnavailableException(store, "no answer within " + deadline));
    }
}
