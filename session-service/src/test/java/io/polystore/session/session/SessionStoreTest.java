package io.polystore.session.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.RedisValueType;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import io.polystore.testsupport.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    SessionStore sessions;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDefaultTtlIsThirtyMinutes() {
        assertEquals(Duration.ofMinutes(30), sessions.ttl());
    }

    @Test
    void writesASessionAndReadsItBack() {
        String userId = newUserId();
        Instant now = Instant.parse("2026-11-22T03:06:31.123456Z");
        clock.set(now);
        Session created = sessions.create(userId, Map.of("language", "de", "state", "browsing")).await().atMost(WAIT);

        assertTrue(created.id().matches(SessionStore.ID_PATTERN), created.id());
        assertEquals(userId, created.userId());
        assertEquals(now, created.createdAt(), "the creation time comes from the injected clock");

        Session found = sessions.find(created.id()).await().atMost(WAIT).orElseThrow();
        assertEquals(created, found);
        assertEquals(Map.of("language", "de", "state", "browsing"), found.attributes());
    }

    @Test
    void sessionIdsAreFresh() {
        String userId = newUserId();
        Session first = sessions.create(userId, Map.of()).await().atMost(WAIT);
        Session second = sessions.create(userId, Map.of()).await().atMost(WAIT);
        assertTrue(!first.id().equals(second.id()));
    }

    @Test
    void theSessionIsAHashThatExpiresWithinTheConfiguredTtl() {
        Session created = sessions.create(newUserId(), Map.of()).await().atMost(WAIT);
        String key = "session:" + created.id();

        assertEquals(RedisValueType.HASH, redis.key().type(key).await().atMost(WAIT));
        long ttl = redis.key().ttl(key).await().atMost(WAIT);
        assertTrue(ttl > 0 && ttl <= sessions.ttl().toSeconds(), "TTL of " + key + " was " + ttl);
    }

    @Test
    void theUsersSetHoldsItsSessionsAndExpiresToo() {
        String userId = newUserId();
        Session first = sessions.create(userId, Map.of()).await().atMost(WAIT);
        Session second = sessions.create(userId, Map.of("device", "phone")).await().atMost(WAIT);
        String key = "user:" + userId + ":sessions";

        assertEquals(RedisValueType.SET, redis.key().type(key).await().atMost(WAIT));
        assertEquals(Set.of(first.id(), second.id()), redis.set(String.class).smembers(key).await().atMost(WAIT));
        long ttl = redis.key().ttl(key).await().atMost(WAIT);
        assertTrue(ttl > 0 && ttl <= sessions.ttl().toSeconds(), "TTL of " + key + " was " + ttl);
    }

    @Test
    void unknownAndMalformedIdsFindNothing() {
        assertEquals(Optional.empty(), sessions.find(UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals(Optional.empty(), sessions.find("not-an-id").await().atMost(WAIT));
        assertEquals(Optional.empty(), sessions.find("*").await().atMost(WAIT));
        assertEquals(Optional.empty(), sessions.find(null).await().atMost(WAIT));
    }

    @Test
    void invalidInputIsRejectedBeforeItReachesRedis() {
        assertThrows(ConstraintViolationException.class, () -> sessions.create(null, Map.of()));
        assertThrows(ConstraintViolationException.class, () -> sessions.create("", Map.of()));
        assertThrows(ConstraintViolationException.class, () -> sessions.create("a:b", Map.of()));
        assertThrows(ConstraintViolationException.class, () -> sessions.create("with space", Map.of()));
        assertThrows(ConstraintViolationException.class, () -> sessions.create(newUserId(), null));
        assertThrows(ConstraintViolationException.class,
                () -> sessions.create(newUserId(), Map.of("bad name", "value")));
        assertThrows(ConstraintViolationException.class,
                () -> sessions.create(newUserId(), Map.of("name", "x".repeat(SessionStore.MAX_ATTRIBUTE_LENGTH + 1))));
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i <= SessionStore.MAX_ATTRIBUTES; i++) {
            tooMany.put("a" + i, "v");
        }
        assertThrows(ConstraintViolationException.class, () -> sessions.create(newUserId(), tooMany));
    }

    @Test
    void anUnsetPasswordSendsNoAuth() {
        // The test Redis has no password: the client must not be given one (not even an empty one).
        assertEquals(Optional.empty(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.redis.password", String.class));
        // What the Redis client factory reads: it sets a password (and so sends AUTH) only when present.
        assertEquals(Optional.empty(), ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(RedisConfig.class).clients().get(RedisConfig.DEFAULT_CLIENT_NAME).password());
    }

    private static String newUserId() {
        return "user-" + UUID.randomUUID();
    }
}
