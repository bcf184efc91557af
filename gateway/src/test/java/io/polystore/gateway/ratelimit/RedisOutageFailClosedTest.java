package io.polystore.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** RATE_LIMIT_FAIL_MODE=closed: without Redis, requests get 503 (authentication is unaffected). */
@QuarkusTest
@TestProfile(RedisOutageFailClosedTest.FailClosed.class)
class RedisOutageFailClosedTest extends RedisOutageTest {

    public static class FailClosed extends OwnRedis {

        @Override
        public Map<String, String> getConfigOverrides() {
            return mode("closed");
        }
    }

    @Override
    boolean failOpen() {
        return false;
    }
}
