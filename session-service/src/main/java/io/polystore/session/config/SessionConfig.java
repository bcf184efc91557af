package io.polystore.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything an operator sets for session-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code redis.pool-size} is {@code REDIS_POOL_SIZE}); {@code application.properties} only
 * wires Quarkus' keys to these, and the README's table is checked against this mapping ({@code ConfigurationTest}). The
 * chassis' variables (identity keys, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface SessionConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8083")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9083")
    int managementPort();

    Redis redis();

    Session session();

    /** Operators' names {@code REDIS_*}. */
    interface Redis {

        /** {@code redis://[:password@]host:port[/db]}; when set, host and port are ignored. */
        Optional<String> url();

        @WithDefault("127.0.0.1")
        String host();

        /** The local devstack's Redis. */
        @WithDefault("16379")
        int port();

        /** Unset: no {@code AUTH} is sent at all. A password inside the URL wins over it. */
        Optional<String> password();

        /** Connect timeout, and the deadline of every session operation. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration timeout();

        /** Redis connections at most. */
        @WithDefault("8")
        @Min(1)
        @Max(1000)
        int poolSize();
    }

    interface Session {

        /** How long an untouched session lives in Redis (e.g. {@code 45m}, {@code 1h}, {@code PT2H}); at least 1 s. */
        @WithDefault("30m")
        @DurationMin(seconds = 1)
        Duration ttl();
    }
}
