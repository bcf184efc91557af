package io.polystore.rest.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the services take time from ({@code Clock.instant()}, {@code Instant.now(clock)}), never
 * {@code Instant.now()} directly, so that tests move time instead of sleeping (test-support's {@code MutableClock}
 * replaces this bean in every test).
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
