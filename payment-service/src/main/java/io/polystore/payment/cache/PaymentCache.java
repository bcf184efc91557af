package io.polystore.payment.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.payment.config.PaymentConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Cache-aside in Redis for one owner's payments and list pages; Redis is only a cache.
 * <p>
 * <b>Keys.</b> Everything lives under {@code payment:}. Each owner has a version number,
 * {@code payment:owner:<owner>:version}, and every cached answer of that owner is stored under the version it was read
 * with: {@code payment:owner:<owner>:<version>:<kind>:<key>}. A write bumps the version after its commit, which makes
 * every older entry of the owner unreachable at once (O(1) invalidation; the old entries expire by their TTL).
 * <p>
 * <b>No stale re-cache.</b> A reader takes the version <em>before</em> it queries the database and stores its rows
 * under that version. A writer bumps after its commit, before its 2xx. So rows a reader read before the commit are
 * stored under a version that is already (or about to be) old: the next read after the writer's 2xx takes the new
 * version and misses. The version is read and, if absent, created in one script; a version created anew starts at the
 * clock's milliseconds × 1000, above any number an evicted or expired version key had reached, so a lost key never
 * brings old entries back.
 * <p>
 * <b>Redis down.</b> Every call has {@code CACHE_REDIS_DEADLINE}; on an error or timeout the read is served from the
 * database (counted as a bypass) and nothing is cached. A bump that fails never fails the write: the owner is
 * remembered, its reads bypass the cache on this instance until a bump succeeds, and a retry runs every second, so
 * entries stored before the failed write are unreachable as soon as Redis answers again.
 */
@ApplicationScoped
public class PaymentCache {

    public static final String PREFIX = "payment:";
    private static final Logger LOG = Logger.getLogger(PaymentCache.class);

    /** KEYS[1] version key; ARGV: baseline, version TTL ms, entry prefix, entry suffix → {version, entry or nil}. */
    private static final String READ = """
            local v = redis.call('GET', KEYS[1])
            if not v then
              v = ARGV[1]
              redis.call('SET', KEYS[1], v, 'PX', ARGV[2])
            end
            return {v, redis.call('GET', ARGV[3] .. v .. ARGV[4])}""";

    /** KEYS[1] version key; ARGV: baseline, version TTL ms → the new version. */
    private static final String BUMP = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              local v = redis.call('INCR', KEYS[1])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return v
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return tonumber(ARGV[1])""";

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final PaymentConfig.Cache config;
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;
    private final Counter invalidationFailures;
    private final Set<Long> pendingInvalidations = ConcurrentHashMap.newKeySet();

    PaymentCache(ReactiveRedisDataSource redis, ObjectMapper mapper, Clock clock, PaymentConfig config,
            MeterRegistry registry) {
        this.redis = redis;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config.cache();
        this.hits = requests(registry, "hit");
        this.misses = requests(registry, "miss");
        this.bypasses = requests(registry, "bypass");
        this.invalidationFailures = Counter.builder("payment.cache.invalidation.failures")
                .description("Writes whose cache invalidation (version bump) failed; retried until Redis answers")
                .register(registry);
    }

    private static Counter requests(MeterRegistry registry, String result) {
        return Counter.builder("payment.cache.requests").tag("result", result)
                .description("Cached reads: hit, miss, or bypass (Redis failed or timed out; served from the database)")
                .register(registry);
    }

    /**
     * The owner's cached answer for ({@code kind}, {@code key}), or {@code load}'s, which is then cached under the
     * version read before it ran. A failure of {@code load} (e.g. a 404) is passed on and nothing is cached.
     */
    public <T> Uni<T> read(long owner, String kind, String key, Class<T> type, Supplier<Uni<T>> load) {
        if (!config.enabled()) {
            return load.get();
        }
        return ready(owner).chain(usable -> {
            if (!usable) {
                bypasses.increment();
                return load.get();
            }
            return lookup(owner, kind, key).onItemOrFailure().transformToUni((found, failure) -> {
                if (failure != null) {
                    bypasses.increment();
                    LOG.debugf("cache bypassed for owner %d: %s", owner, failure.toString());
                    return load.get();
                }
                T cached = decode(found.entry(), type);
                if (cached != null) {
                    hits.increment();
                    return Uni.createFrom().item(cached);
                }
                misses.increment();
                return load.get().call(value -> store(owner, found.version(), kind, key, value));
            });
        });
    }

    /**
     * As {@link #read}, for an answer sent as it is: the cached JSON text on a hit (no decoding and encoding again),
     * and on a miss {@code load}'s value encoded once, cached and answered.
     */
    public Uni<String> readJson(long owner, String kind, String key, Supplier<Uni<?>> load) {
        Supplier<Uni<String>> encoded = () -> load.get().map(this::encode);
        if (!config.enabled()) {
            return encoded.get();
        }
        return ready(owner).chain(usable -> {
            if (!usable) {
                bypasses.increment();
                return encoded.get();
            }
            return lookup(owner, kind, key).onItemOrFailure().transformToUni((found, failure) -> {
                if (failure != null) {
                    bypasses.increment();
                    LOG.debugf("cache bypassed for owner %d: %s", owner, failure.toString());
                    return encoded.get();
                }
                if (found.entry() != null) {
                    hits.increment();
                    return Uni.createFrom().item(found.entry());
                }
                misses.increment();
                return encoded.get().call(json -> storeJson(owner, found.version(), kind, key, json));
            });
        });
    }

    /** After a committed write of the owner's payments: never fails (see the class comment). */
    public Uni<Void> invalidate(long owner) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return bump(owner).onItemOrFailure().transform((ignored, failure) -> {
            if (failure != null) {
                invalidationFailures.increment();
                pendingInvalidations.add(owner);
                LOG.warnf("cache invalidation for owner %d failed (%s); reads bypass the cache until it succeeds",
                        owner, failure.toString());
            } else {
                pendingInvalidations.remove(owner);
            }
            return null;
        });
    }

    /** Retries the bumps that failed while Redis was away, so no old entry is served once it is back. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPendingInvalidations() {
        if (pendingInvalidations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(Set.copyOf(pendingInvalidations))
                .onItem().transformToUniAndConcatenate(owner -> bump(owner)
                        .invoke(() -> pendingInvalidations.remove(owner))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Owners whose last invalidation has not reached Redis yet (this instance). */
    public int pendingInvalidations() {
        return pendingInvalidations.size();
    }

    /** Whether the owner's entries may be used: a pending bump is retried first. */
    private Uni<Boolean> ready(long owner) {
        if (!pendingInvalidations.contains(owner)) {
            return Uni.createFrom().item(true);
        }
        return bump(owner).map(version -> {
            pendingInvalidations.remove(owner);
            return true;
        }).onFailure().recoverWithItem(false);
    }

    private record Lookup(String version, String entry) {
    }

    private Uni<Lookup> lookup(long owner, String kind, String key) {
        return bounded(redis.execute("EVAL", READ, "1", versionKey(owner), baseline(), versionTtl(),
                ownerPrefix(owner), ":" + kind + ":" + key))
                .map(reply -> new Lookup(reply.get(0).toString(),
                        reply.size() > 1 && reply.get(1) != null ? reply.get(1).toString() : null));
    }

    private Uni<Long> bump(long owner) {
        return bounded(redis.execute("EVAL", BUMP, "1", versionKey(owner), baseline(), versionTtl()))
                .map(Response::toLong);
    }

    private Uni<Void> store(long owner, String version, String kind, String key, Object value) {
        return storeJson(owner, version, kind, key, encode(value));
    }

    private String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Uni<Void> storeJson(long owner, String version, String kind, String key, String json) {
        return bounded(redis.execute("SET", ownerPrefix(owner) + version + ":" + kind + ":" + key, json, "PX",
                Long.toString(config.ttl().toMillis())))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("not cached: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private <T> T decode(String entry, Class<T> type) {
        if (entry == null) {
            return null;
        }
        try {
            return mapper.readValue(entry, type);
        } catch (JsonProcessingException e) {
            // an entry another release wrote: read the database and overwrite it
            LOG.debugf("unreadable cache entry ignored: %s", e.getMessage());
            return null;
        }
    }

    private <T> Uni<T> bounded(Uni<T> call) {
        Duration deadline = config.redisDeadline();
        return call.ifNoItem().after(deadline)
                .failWith(() -> new TimeoutException("Redis did not answer within " + deadline.toMillis() + " ms"));
    }

    static String versionKey(long owner) {
        return PREFIX + "owner:" + owner + ":version";
    }

    static String ownerPrefix(long owner) {
        return PREFIX + "owner:" + owner + ":";
    }

    private String baseline() {
        return Long.toString(clock.millis() * 1000);
    }

    /** The version outlives every entry stored under it. */
    private String versionTtl() {
        return Long.toString(config.ttl().toMillis() * 2);
    }
}
