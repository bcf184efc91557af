package io.polystore.gateway.ratelimit;

import io.polystore.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the ops command line reads and writes in the gateway's Redis: custom limits ({@code ...:limit} hashes) and the
 * current windows ({@code ...:w} hashes). Blocking: it serves commands, never requests.
 */
@Singleton
public class RateLimitStore {

    /** A key's custom limit, as stored. */
    public record CustomLimit(long keyId, long requests, long window) {
    }

    /** The window a key is in now, by Redis' clock. */
    public record CurrentWindow(long used, long remaining, long start, long reset) {
    }

    /** A key's effective limit, where it comes from, and its current window (null when none is open). */
    public record Limits(long keyId, long requests, long window, boolean custom, long defaultRequests,
            long defaultWindow, CurrentWindow current) {
    }

    private final RedisDataSource redis;
    private final String namespace;
    private final long defaultRequests;
    private final long defaultWindow;
    private final GatewayConfig.Scope scope;

    RateLimitStore(RedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.namespace = config.redis().namespace();
        this.defaultRequests = config.rateLimit().requests();
        this.defaultWindow = config.rateLimit().period().toSeconds();
        this.scope = config.rateLimit().scope();
    }

    /** Whose requests one window counts (RATE_LIMIT_SCOPE). */
    public GatewayConfig.Scope scope() {
        return scope;
    }

    /** Sets (or replaces) a key's custom limit; the next request of that key is decided by it. */
    public void setCustom(long keyId, long requests, long window) {
        redis.execute("HSET", RateLimitKeys.limit(namespace, keyId), "requests", Long.toString(requests), "window",
                Long.toString(window));
    }

    /** Removes a key's custom limit: the defaults apply again. True if there was one. */
    public boolean removeCustom(long keyId) {
        return redis.execute("DEL", RateLimitKeys.limit(namespace, keyId)).toLong() > 0;
    }

    /** Ends the current window of a key (or user): its next request opens a new one with a full allowance. */
    public CurrentWindow resetWindow(long keyId, String windowSubject) {
        CurrentWindow before = limits(keyId, windowSubject).current();
        redis.execute("DEL", RateLimitKeys.window(namespace, windowSubject));
        return before;
    }

    /** The key's limit, and the window it counts in ({@link RateLimitKeys#windowSubject}). */
    public Limits limits(long keyId, String windowSubject) {
        Response custom = redis.execute("HMGET", RateLimitKeys.limit(namespace, keyId), "requests", "window");
        Long customRequests = number(custom.get(0));
        Long customWindow = number(custom.get(1));
        long requests = customRequests != null ? customRequests : defaultRequests;
        long window = customWindow != null ? customWindow : defaultWindow;
        Response state = redis.execute("HMGET", RateLimitKeys.window(namespace, windowSubject), "start", "count");
        Long start = number(state.get(0));
        Long count = number(state.get(1));
        long now = redis.execute("TIME").get(0).toLong();
        // The same rule as the script: a window is over at start + window (the current window length).
        CurrentWindow current = start != null && now < start + window
                ? new CurrentWindow(count == null ? 0 : count, Math.max(0, requests - (count == null ? 0 : count)),
                        start, start + window)
                : null;
        return new Limits(keyId, requests, window, customRequests != null || customWindow != null, defaultRequests,
                defaultWindow, current);
    }

    /** Every custom limit, by key id. */
    public List<CustomLimit> customLimits() {
        TreeMap<Long, CustomLimit> found = new TreeMap<>();
        String cursor = "0";
        do {
            Response page = redis.execute("SCAN", cursor, "MATCH", RateLimitKeys.limitPattern(namespace), "COUNT",
                    "1000");
            cursor = page.get(0).toString();
            for (Response key : page.get(1)) {
                String name = key.toString();
                OptionalLong keyId = RateLimitKeys.keyIdOf(name);
                if (keyId.isEmpty() || !name.equals(RateLimitKeys.limit(namespace, keyId.getAsLong()))) {
                    continue;
                }
                Response custom = redis.execute("HMGET", name, "requests", "window");
                Long requests = number(custom.get(0));
                Long window = number(custom.get(1));
                found.put(keyId.getAsLong(), new CustomLimit(keyId.getAsLong(),
                        requests != null ? requests : defaultRequests, window != null ? window : defaultWindow));
            }
        } while (!"0".equals(cursor));
        return new ArrayList<>(found.values());
    }

    public long defaultRequests() {
        return defaultRequests;
    }

    public long defaultWindow() {
        return defaultWindow;
    }

    private static Long number(Response value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
