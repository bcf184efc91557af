package io.polystore.payment.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ops command line's view of the cache: what is in it, and emptying it (only {@code payment:} keys). */
@ApplicationScoped
public class CacheAdmin {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final ReactiveRedisDataSource redis;

    CacheAdmin(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * @param keys
     *            keys under {@code payment:}
     * @param server
     *            Redis' own counters ({@code INFO stats}: keyspace_hits, keyspace_misses, evicted_keys, expired_keys;
     *            server-wide, every client's)
     */
    public record Stats(long keys, Map<String, Long> server) {
    }

    public Uni<Stats> stats() {
        return redis.key().scan(new KeyScanArgs().match(PaymentCache.PREFIX + "*").count(1000)).toMulti()
                .collect().with(java.util.stream.Collectors.counting())
                .chain(keys -> redis.execute("INFO", "stats").map(info -> new Stats(keys, counters(info.toString()))))
                .ifNoItem().after(DEADLINE).fail();
    }

    /** Deletes every {@code payment:} key (never anything else) and returns how many. */
    public Uni<Long> flush() {
        return redis.key().scan(new KeyScanArgs().match(PaymentCache.PREFIX + "*").count(1000)).toMulti()
                .group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> redis.key().unlink(batch.toArray(String[]::new))
                        .map(Integer::longValue))
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue))
                .ifNoItem().after(DEADLINE).fail();
    }

    private static Map<String, Long> counters(String info) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            String[] pair = line.split(":", 2);
            if (pair.length == 2 && (pair[0].equals("keyspace_hits") || pair[0].equals("keyspace_misses")
                    || pair[0].equals("evicted_keys") || pair[0].equals("expired_keys"))) {
                counters.put(pair[0], Long.parseLong(pair[1].trim()));
            }
        }
        return counters;
    }
}
