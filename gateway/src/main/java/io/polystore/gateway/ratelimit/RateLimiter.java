package io.polystore.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.support.OncePerInterval;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's rate limiter: a {@link RateLimitBackend} ({@link RedisRateLimiter} on the gateway's Redis, with
 * Quarkus' client options) with the configured defaults, fail mode and metrics
 * ({@code gateway_ratelimit_decisions_total{result}}). It owns the Redis key encoding: callers name a key and its user.
 */
@Singleton
public class RateLimiter {

    static final String DECISIONS = "gateway.ratelimit.decisions";

    private final GatewayConfig.RateLimit config;
    private final boolean enabled;
    private final boolean failOpen;
    private final RateLimitBackend backend;
    private final RateLimitKeys.Encoder keys;
    private final ReactiveRedisDataSource redis;
    private final boolean serving;
    private final Counter allowed;
    private final Counter limited;
    private final Counter failedOpen;
    private final Counter failedClosed;
    private final OncePerInterval failureLog;

    RateLimiter(GatewayConfig config, MeterRegistry registry, ReactiveRedisDataSource redis,
            QuarkusRedisOptions redisOptions,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        this.config = config.rateLimit();
        // Without authentication there is no key id to count by.
        this.enabled = this.config.enabled() && config.auth().enabled();
        this.failOpen = this.config.failMode() == GatewayConfig.FailMode.OPEN;
        this.redis = redis;
        this.serving = serving;
        this.keys = new RateLimitKeys.Encoder(config.redis().namespace(), this.config.scope());
        this.backend = enabled
                ? new RedisRateLimiter(redisOptions::defaultClient, this.config.requests(), this.config.period(),
                        this.config.redisTimeout(), this.config.redisRetry())
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

    /**
     * Decides one request of API key {@code keyId} (of user {@code userId}); {@code done} runs exactly once, on the
     * caller's context, within {@code gateway.rate-limit.redis-timeout}. Only when {@link #enabled()}, on an event
     * loop.
     */
    public void check(long keyId, long userId, Handler<Decision> done) {
        backend.decide(keys.window(keyId, userId), keys.limit(keyId), done);
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
            Log.warnf("Redis could not decide the rate limit of %d request(s) since the last report, %s (%s). Last "
                    + "failure: %s", count,
                    failOpen ? "admitted without a limit" : "refused with 503",
                    failOpen ? "RATE_LIMIT_FAIL_MODE=open" : "RATE_LIMIT_FAIL_MODE=closed",
                    String.valueOf(decision.failure()));
        }
    }

    @PreDestroy
    void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
