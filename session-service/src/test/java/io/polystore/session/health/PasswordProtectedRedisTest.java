package io.polystore.session.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.session.session.SessionStore;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PasswordProtectedRedis.Profile.class)
class PasswordProtectedRedisTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    SessionStore sessions;

    @Test
    void theServerReallyRequiresAPassword() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PasswordProtectedRedis.port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(reply.startsWith("-NOAUTH"), reply);
        }
    }

    @Test
    void thePasswordReachesTheRedisClient() {
        assertEquals(Optional.of(PasswordProtectedRedis.PASSWORD), ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class).getConfigMapping(RedisConfig.class).clients()
                .get(RedisConfig.DEFAULT_CLIENT_NAME).password());
    }

    @Test
    void readinessIsUpWithThePassword() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks[0].name", is(RedisReadinessCheck.NAME))
                .body("checks[0].status", is("UP"));
    }

    @Test
    void sessionsAreReadWithThePassword() {
        // without AUTH, Redis answers NOAUTH and these fail
        assertEquals(Optional.empty(), sessions.read(UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals(List.of(), sessions.ofUser("1").await().atMost(WAIT));
    }
}
