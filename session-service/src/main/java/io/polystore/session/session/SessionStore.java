package io.polystore.session.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.rest.store.StoreCalls;
import io.polystore.session.config.SessionConfig;
import io.polystore.session.health.RedisReadinessCheck;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sessions' Redis keys ({@link SessionKeys}), changed only by the Lua scripts below, so that a session, its place
 * in its user's index and in the archive's two indexes always change together (a script runs atomically). Writes are
 * compare-and-set on the session's {@code version}: the script refuses a write made from a stale read, and the caller
 * reads again and retries ({@link SessionService}). The scripts name keys they compute ({@code session:{id}} in
 * {@link #CLAIM}): this service assumes one Redis server (or a primary with replicas), not Redis Cluster.
 * <p>
 * Times are epoch milliseconds from the service's {@code Clock}; the session key's own expiry is Redis' relative
 * {@code PEXPIRE}. Every call gives up after {@code REDIS_TIMEOUT} (503 for a REST caller).
 */
@ApplicationScoped
public class SessionStore {

    /** What a write did. */
    public enum Written {
        DONE, STALE, GONE, USER_FULL
    }

    /**
     * KEYS: session, archive-due, archive-deadline, user index. ARGV: expected version ('' = create), json, ttl ms,
     * due, deadline, id, now, most sessions per user, user-index score.
     */
    static final String WRITE = """
            local current = redis.call('GET', KEYS[1])
            if ARGV[1] == '' then
              if current then return -1 end
              redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[7])
              if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[8]) then return -2 end
            else
              if not current then return 0 end
              if tostring(cjson.decode(current)['version']) ~= ARGV[1] then return -1 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
            redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
            redis.call('ZADD', KEYS[4], ARGV[9], ARGV[6])
            redis.call('PEXPIRE', KEYS[4], ARGV[3])
            return 1
            """;

    /** A read of an active session: its TTL starts again; indexes are moved only where the session still is. */
    static final String TOUCH = """
            if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('ZADD', KEYS[2], 'XX', ARGV[2], ARGV[5])
            redis.call('ZADD', KEYS[3], 'XX', ARGV[3], ARGV[5])
            redis.call('ZADD', KEYS[4], 'XX', ARGV[4], ARGV[5])
            redis.call('PEXPIRE', KEYS[4], ARGV[1])
            return 1
            """;

    /**
     * KEYS: archive-due, archive-deadline. ARGV: now, claim (lease end, the claim's token), batch, keep ms, hold ms.
     * Takes the due sessions by moving them to the lease's end, so no other sweeper sees them before it; keeps each
     * session's key alive at least until the lease ends plus the archive lead, unless it has been due longer than the
     * hold bound.
     */
    static final String CLAIM = """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(ids) do
              redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
              local deadline = redis.call('ZSCORE', KEYS[2], id)
              if deadline and tonumber(ARGV[1]) - tonumber(deadline) <= tonumber(ARGV[5]) then
                local key = 'session:' .. id
                local pttl = redis.call('PTTL', key)
                if pttl >= 0 and pttl < tonumber(ARGV[4]) then redis.call('PEXPIRE', key, ARGV[4]) end
              end
            end
            return ids
            """;

    /**
     * KEYS: session, archive-due, archive-deadline, user index. ARGV: claim, id. Removes an archived session, only for
     * the holder of the claim it was archived under: a write since then (a new claim or new activity) keeps it.
     */
    static final String FINISH = """
            local score = redis.call('ZSCORE', KEYS[2], ARGV[2])
            if not score or tonumber(score) ~= tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[2])
            redis.call('ZREM', KEYS[3], ARGV[2])
            redis.call('ZREM', KEYS[4], ARGV[2])
            return 1
            """;

    /** KEYS: session, archive-due, archive-deadline. ARGV: id. Drops index entries of a session whose key is gone. */
    static final String FORGET = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZREM', KEYS[3], ARGV[1])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final SessionTimes times;

    SessionStore(ReactiveRedisDataSource redis, ObjectMapper mapper, SessionConfig config, SessionTimes times) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.timeout = config.redis().timeout();
        this.times = times;
    }

    public Uni<Optional<SessionDocument>> read(String sessionId) {
        return bounded(() -> values.get(SessionKeys.session(sessionId))).map(this::parse);
    }

    /** Stores a new session (unless its user already holds {@code maxPerUser} sessions). */
    public Uni<Written> create(SessionDocument session, int maxPerUser) {
        return write("", session, times.archiveDeadline(session.lastActivityAt()), maxPerUser);
    }

    /**
     * Replaces the session read at {@code session.version() - 1} by {@code session}; its next archive attempt is at
     * {@code archiveDue} (its deadline for an active session, a claim's end for one being handed over now).
     */
    public Uni<Written> replace(SessionDocument session, Instant archiveDue) {
        return write(Long.toString(session.version() - 1), session, archiveDue, Integer.MAX_VALUE);
    }

    private Uni<Written> write(String expectedVersion, SessionDocument session, Instant archiveDue, int maxPerUser) {
        Instant now = times.now();
        Instant deadline = session.isActive() ? times.archiveDeadline(now) : now;
        return eval(WRITE, keys(session.sessionId(), session.userId()), expectedVersion, json(session),
                Long.toString(times.ttl().toMillis()), millis(archiveDue), millis(deadline), session.sessionId(),
                millis(now), Integer.toString(maxPerUser), millis(times.expiry(now)))
                .map(response -> switch (response.toInteger()) {
                    case 1 -> Written.DONE;
                    case 0 -> Written.GONE;
                    case -2 -> Written.USER_FULL;
                    default -> Written.STALE;
                });
    }

    /** A read of an active session starts its TTL again (sliding expiry). */
    public Uni<Void> touch(SessionDocument session) {
        Instant now = times.now();
        return eval(TOUCH, keys(session.sessionId(), session.userId()), Long.toString(times.ttl().toMillis()),
                millis(times.archiveDeadline(now)), millis(times.archiveDeadline(now)), millis(times.expiry(now)),
                session.sessionId()).replaceWithVoid();
    }

    /** The user's sessions that have not expired (the index drops expired ids on the way), oldest first. */
    public Uni<List<SessionDocument>> ofUser(String userId) {
        String index = SessionKeys.userSessions(userId);
        String now = millis(times.now());
        return bounded(() -> redis.execute("ZREMRANGEBYSCORE", index, "-inf", now)
                .chain(() -> redis.execute("ZRANGEBYSCORE", index, now, "+inf")))
                .chain(ids -> {
                    if (ids.size() == 0) {
                        return Uni.createFrom().item(List.<SessionDocument>of());
                    }
                    String[] keys = new String[ids.size()];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = SessionKeys.session(ids.get(i).toString());
                    }
                    return bounded(() -> values.mget(keys)).map(found -> {
                        List<SessionDocument> sessions = new ArrayList<>();
                        for (String key : keys) {
                            parse(found.get(key)).filter(s -> s.userId().equals(userId)).ifPresent(sessions::add);
                        }
                        return sessions;
                    });
                });
    }

    /** Claims up to {@code batch} due sessions until {@code claim}; emits their ids. */
    public Uni<List<String>> claimDue(Instant now, Instant claim, int batch) {
        return eval(CLAIM, List.of(SessionKeys.ARCHIVE_DUE, SessionKeys.ARCHIVE_DEADLINE), millis(now), millis(claim),
                Integer.toString(batch), Long.toString(Duration.between(now, claim).plus(times.ahead()).toMillis()),
                Long.toString(times.hold().toMillis()))
                .map(ids -> {
                    List<String> claimed = new ArrayList<>();
                    ids.forEach(id -> claimed.add(id.toString()));
                    return claimed;
                });
    }

    /** Removes a session handed over under {@code claim}; false when a later write or claim keeps it. */
    public Uni<Boolean> finish(SessionDocument session, Instant claim) {
        return eval(FINISH, keys(session.sessionId(), session.userId()), millis(claim), session.sessionId())
                .map(response -> response.toInteger() == 1);
    }

    /** Drops the archive indexes' entries of a session whose key no longer exists; true when it did. */
    public Uni<Boolean> forget(String sessionId) {
        return eval(FORGET, List.of(SessionKeys.session(sessionId), SessionKeys.ARCHIVE_DUE,
                SessionKeys.ARCHIVE_DEADLINE), sessionId).map(response -> response.toInteger() == 1);
    }

    /** The earliest archive deadline of all sessions, if any. */
    public Uni<Optional<Instant>> oldestDeadline() {
        return bounded(() -> redis.execute("ZRANGE", SessionKeys.ARCHIVE_DEADLINE, "0", "0", "WITHSCORES"))
                .map(response -> {
                    if (response.size() == 0) {
                        return Optional.<Instant>empty();
                    }
                    // RESP3 answers [[member, score]], RESP2 [member, score]
                    Response score = response.size() == 1 ? response.get(0).get(1) : response.get(1);
                    return Optional.of(Instant.ofEpochMilli((long) Double.parseDouble(score.toString())));
                });
    }

    /** Sessions whose archive deadline is at or before {@code now} (handed over, or waiting to be). */
    public Uni<Long> countDue(Instant now) {
        return bounded(() -> redis.execute("ZCOUNT", SessionKeys.ARCHIVE_DEADLINE, "-inf", millis(now)))
                .map(Response::toLong);
    }

    /** Sessions in the archive index: every session Redis holds. */
    public Uni<Long> countAll() {
        return bounded(() -> redis.execute("ZCARD", SessionKeys.ARCHIVE_DEADLINE)).map(Response::toLong);
    }

    /** The due sessions' ids, earliest deadline first, without claiming them (for {@code sweep --dry-run}). */
    public Uni<List<String>> dueIds(Instant now, int limit) {
        return bounded(() -> redis.execute("ZRANGEBYSCORE", SessionKeys.ARCHIVE_DUE, "-inf", millis(now), "LIMIT",
                "0", Integer.toString(limit)))
                .map(ids -> {
                    List<String> due = new ArrayList<>();
                    ids.forEach(id -> due.add(id.toString()));
                    return due;
                });
    }

    /** Redis' {@code INFO} section (e.g. {@code memory}) as name/value pairs. */
    public Uni<Map<String, String>> info(String section) {
        return bounded(() -> redis.execute("INFO", section)).map(response -> {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (String line : response.toString().split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
            return fields;
        });
    }

    /** Keys in the current Redis database (all services' keys on a shared server). */
    public Uni<Long> databaseSize() {
        return bounded(() -> redis.execute("DBSIZE")).map(Response::toLong);
    }

    private Uni<Response> eval(String script, List<String> keys, String... args) {
        String[] command = new String[2 + keys.size() + args.length];
        command[0] = script;
        command[1] = Integer.toString(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            command[2 + i] = keys.get(i);
        }
        System.arraycopy(args, 0, command, 2 + keys.size(), args.length);
        return bounded(() -> redis.execute("EVAL", command));
    }

    private <T> Uni<T> bounded(Supplier<Uni<T>> call) {
        return StoreCalls.within(timeout, RedisReadinessCheck.NAME, call);
    }

    private static List<String> keys(String sessionId, String userId) {
        return List.of(SessionKeys.session(sessionId), SessionKeys.ARCHIVE_DUE, SessionKeys.ARCHIVE_DEADLINE,
                SessionKeys.userSessions(userId));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private String json(SessionDocument session) {
        try {
            return mapper.writeValueAsString(session);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session " + session.sessionId() + " cannot be written as JSON", e);
        }
    }

    private Optional<SessionDocument> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, SessionDocument.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session in Redis is not the JSON this service writes", e);
        }
    }
}
