package io.polystore.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.auth.Identity;
import io.polystore.gateway.auth.OncePerInterval;
import io.polystore.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's rate limiter: {@link RedisRateLimiter} on the gateway's Redis, with the configured defaults, fail mode
 * and metrics ({@code gateway_ratelimit_decisions_total{result}}).
 */
@Singleton
public class RateLimiter {

    static final String DECISIONS = "gateway.ratelimit.decisions";

    private final GatewayConfig.RateLimit config;
    private final boolean enabled;
    private final boolean failOpen;
    private final RedisRateLimiter limiter;
    private final ReactiveRedisDataSource redis;
    private final boolean serving;
    private final Counter allowed;
    private final Counter limited;
    private final Counter failedOpen;
    private final Counter failedClosed;
    private final OncePerInterval failureLog;

    RateLimiter(GatewayConfig config, MeterRegistry registry, ReactiveRedisDataSource redis,
            @ConfigProperty(name = "quarkus.redis.hosts") String redisHosts,
            @ConfigProperty(name = "quarkus.redis.password") Optional<String> redisPassword,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        this.config = config.rateLimit();
        // Without authentication there is no key id to count by.
        this.enabled = this.config.enabled() && config.auth().enabled();
        this.failOpen = this.config.failMode() == GatewayConfig.FailMode.OPEN;
        this.redis = redis;
        this.serving = serving;
        this.limiter = enabled
                ? new RedisRateLimiter(firstHost(redisHosts), redisPassword.orElse(null),
                        this.config.requests(), this.config.period(), this.config.redisTimeout())
                : null;
        this.allowed = decisions(registry, "allowed");
        this.limited = decisions(registry, "limited");
        this.failedOpen = decisions(registry, "fail_open");
        this.failedClosed = decisions(registry, "fail_closed");
        this.failureLog = new OncePerInterval(this.config.failureLogInterval());
    }

    private static Counter decisions(MeterRegistry registry, String result) {
        return Counter.builder(DECISIONS)
                .description(
                        "Rate-limit decisions: allowed, limited, or Redis could not decide (fail_open, fail_closed)")
                .tag("result", result)
                .register(registry);
    }

    /** Warms Redis' script cache, so the first requests need not reload it; requests work without it too. */
    void loadScript(@Observes StartupEvent started) {
        if (!enabled || !serving) {
            return; // ops commands never decide
        }
        redis.execute("SCRIPT", "LOAD", RateLimitScript.SOURCE)
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .subscribe().with(
                        sha -> {
                            if (!RateLimitScript.SHA1.equals(sha.toString())) {
                                Log.warnf("Redis names the rate-limit script %s, the gateway expects %s", sha,
                                        RateLimitScript.SHA1);
                            }
                        },
                        failure -> Log.warnf("Could not load the rate-limit script into Redis at startup (%s); it is "
                                + "loaded by the first request that finds Redis", failure.toString()));
    }

    public boolean enabled() {
        return enabled;
    }

    /** What a request gets when Redis could not decide: true = pass without a limit, false = 503. */
    public boolean failOpen() {
        return failOpen;
    }

    /** See {@link RedisRateLimiter#check}. Only when {@link #enabled()}. */
    public void check(Identity identity, Handler<Decision> done) {
        limiter.check(identity.windowKey(), identity.limitKey(), done);
    }

    /** Counts a decision (and logs failures, at most once per interval); returns it. */
    public Decision record(Decision decision) {
        switch (decision.outcome()) {
            case ALLOWED -> allowed.increment();
            case LIMITED -> limited.increment();
            case FAILED -> failed(decision);
        }
        return decision;
    }

    private void failed(Decision decision) {
        (failOpen ? failedOpen : failedClosed).increment();
        long count = failureLog.occurred();
        if (count > 0) {
            Log.warnf("Rate limiting could not reach Redis for %d request(s) since the last report, %s (%s). Last "
                    + "failure: %s", count,
                    failOpen ? "admitted without a limit" : "refused with 503",
                    failOpen ? "RATE_LIMIT_FAIL_MODE=open" : "RATE_LIMIT_FAIL_MODE=closed",
                    String.valueOf(decision.failure()));
        }
    }

    @PreDestroy
    void close() {
        if (limiter != null) {
            limiter.close();
        }
    }

    private static String firstHost(String hosts) {
        int comma = hosts.indexOf(',');
        return (comma < 0 ? hosts : hosts.substring(0, comma)).strip();
    }
}
