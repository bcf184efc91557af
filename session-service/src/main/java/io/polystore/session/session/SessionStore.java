package io.polystore.session.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.rest.store.StoreCalls;
import io.polystore.session.config.SessionConfig;
import io.polystore.session.health.RedisReadinessCheck;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hot sessions in Redis. A session is a hash {@code session:{id}} that expires after {@code session.ttl}
 * ({@code SESSION_TTL}); its id is also a member of the owner's set {@code user:{userId}:sessions}, whose expiry is
 * pushed out to the same TTL on each new session. Both writes go in one MULTI/EXEC.
 * <p>
 * Every operation is non-blocking and fails after {@code redis.timeout} ({@code REDIS_TIMEOUT}) when Redis does not
 * answer, with the chassis' {@code StoreUnavailableException} (a REST layer answers 503 with {@code Retry-After}).
 * Creation times come from the injected {@link Clock}.
 */
@Startup
@ApplicationScoped
public class SessionStore {

    /** Ids, as this store makes them: random (SecureRandom-backed) UUIDs. */
    public static final String ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** User ids become part of a key: a conservative alphabet, no ':' or whitespace. */
    public static final String USER_ID_PATTERN = "[A-Za-z0-9._@-]{1,128}";
    public static final String ATTRIBUTE_NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_ATTRIBUTE_LENGTH = 4096;

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final Counter created;

    SessionStore(ReactiveRedisDataSource redis, SessionConfig config, Clock clock, MeterRegistry registry) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.ttl = config.session().ttl();
        this.timeout = config.redis().timeout();
        this.clock = clock;
        this.created = Counter.builder("sessions.created").description("Sessions written to Redis")
                .register(registry);
    }

    /** The time to live each new session gets. */
    public Duration ttl() {
        return ttl;
    }

    /** Writes a new session for the user and adds it to the user's set, atomically; emits the stored session. */
    public Uni<Session> create(@NotNull @Pattern(regexp = USER_ID_PATTERN) String userId,
            @NotNull @Size(max = MAX_ATTRIBUTES) Map<@NotNull @Pattern(regexp = ATTRIBUTE_NAME_PATTERN) String, @NotNull @Size(max = MAX_ATTRIBUTE_LENGTH) String> attributes) {
        Session session = new Session(UUID.randomUUID().toString(), userId, clock.instant(), attributes);
        String sessionKey = SessionKeys.session(session.id());
        String userKey = SessionKeys.userSessions(userId);
        Map<String, String> fields = toHash(session);
        return StoreCalls.within(timeout, RedisReadinessCheck.NAME,
                () -> redis.withTransaction(tx -> tx.hash(String.class).hset(sessionKey, fields)
                        .chain(() -> tx.key().expire(sessionKey, ttl))
                        .chain(() -> tx.set(String.class).sadd(userKey, session.id()))
                        .chain(() -> tx.key().expire(userKey, ttl))))
                .map(result -> {
                    if (result.discarded()) {
                        throw new IllegalStateException(
                                "Redis discarded the transaction creating session " + session.id());
                    }
                    created.increment();
                    return session;
                });
    }

    /** Reads a session; empty when it does not exist (never created, expired, or an id this store cannot have made). */
    public Uni<Optional<Session>> find(String sessionId) {
        if (sessionId == null || !sessionId.matches(ID_PATTERN)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return StoreCalls.within(timeout, RedisReadinessCheck.NAME,
                () -> hashes.hgetall(SessionKeys.session(sessionId)))
                .map(fields -> fields == null || fields.isEmpty()
                        ? Optional.empty()
                        : Optional.of(fromHash(sessionId, fields)));
    }

    private static Map<String, String> toHash(Session session) {
        Map<String, String> fields = new HashMap<>();
        fields.put(SessionKeys.USER_ID, session.userId());
        fields.put(SessionKeys.CREATED_AT, session.createdAt().toString());
        session.attributes().forEach((name, value) -> fields.put(SessionKeys.ATTRIBUTE_PREFIX + name, value));
        return fields;
    }

    private static Session fromHash(String sessionId, Map<String, String> fields) {
        String userId = fields.get(SessionKeys.USER_ID);
        String createdAt = fields.get(SessionKeys.CREATED_AT);
        if (userId == null || createdAt == null) {
            throw new IllegalStateException("session:" + sessionId + " lacks " + SessionKeys.USER_ID + " or "
                    + SessionKeys.CREATED_AT);
        }
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(SessionKeys.ATTRIBUTE_PREFIX)) {
                attributes.put(field.substring(SessionKeys.ATTRIBUTE_PREFIX.length()), value);
            }
        });
        return new Session(sessionId, userId, Instant.parse(createdAt), attributes);
    }
}
