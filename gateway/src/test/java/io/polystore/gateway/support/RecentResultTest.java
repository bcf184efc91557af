package io.polystore.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentResultTest {

    private final List<UniEmitter<? super String>> running = new ArrayList<>();
    private int started;

    private Uni<String> computation() {
        started++;
        return Uni.createFrom().emitter(running::add);
    }

    @Test
    void callersDuringAComputationShareIt() {
        RecentResult<String> recent = new RecentResult<>(this::computation, Duration.ZERO);
        UniAssertSubscriber<String> first = recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> second = recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, started);
        assertEquals(1, running.size());
        running.get(0).complete("report");
        first.assertItem("report");
        second.assertItem("report");
    }

    @Test
    void resultIsReusedWithinTheTtl() {
        RecentResult<String> recent = new RecentResult<>(this::computation, Duration.ofHours(1));
        UniAssertSubscriber<String> first = recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        running.get(0).complete("report");
        first.assertItem("report");
        recent.get().subscribe().withSubscriber(UniAssertSubscriber.create()).assertItem("report");
        assertEquals(1, started);
    }

    @Test
    void expiredResultIsComputedAgain() {
        RecentResult<String> recent = new RecentResult<>(this::computation, Duration.ZERO);
        recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        running.get(0).complete("old");
        UniAssertSubscriber<String> later = recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(2, started);
        running.get(1).complete("new");
        later.assertItem("new");
    }

    @Test
    void aFailureIsNotKeptPastTheTtl() {
        RecentResult<String> recent = new RecentResult<>(this::computation, Duration.ZERO);
        UniAssertSubscriber<String> failed = recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        running.get(0).fail(new IllegalStateException("boom"));
        failed.assertFailedWith(IllegalStateException.class, "boom");
        recent.get().subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(2, started);
    }
}
