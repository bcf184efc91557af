package io.polystore.mandate.archive;

import static io.restassured.RestAssured.given;

import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.polystore.rest.identity.Scopes;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs identity tokens with the test JVM's gateway key (devstack's IdentityTestResource): users calling through the
 * gateway, and session-service handing sessions over to {@code /internal/archives}.
 */
@ApplicationScoped
public class ArchiveCallers {

    private static final AtomicLong NEXT_USER = new AtomicLong(System.nanoTime() % 1_000_000_000L + 1_000);

    private final IdentitySigner signer;

    ArchiveCallers(IdentityConfig identity) {
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    /** A fresh user id, so each test owns its archive. */
    public long newUser() {
        return NEXT_USER.incrementAndGet();
    }

    public RequestSpecification asUser(long userId) {
        return asUser(userId, Scopes.SESSIONS);
    }

    public RequestSpecification asUser(long userId, String scopes) {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION,
                signer.user(userId, 1, scopes).authorization());
    }

    public RequestSpecification asService(String name) {
        return given().contentType(ContentType.JSON).header(HttpHeaders.AUTHORIZATION,
                signer.service(name).authorization());
    }

    /** A session of {@code userId} as session-service hands it over, {@code messages} user messages long. */
    public static Map<String, Object> session(long userId, String status, Instant createdAt, Instant lastActivityAt,
            int messages) {
        List<Map<String, Object>> history = new java.util.ArrayList<>();
        for (int i = 0; i < messages; i++) {
            history.add(Map.of("role", "user", "content", "message " + i, "at", createdAt.toString()));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("sessionId", UUID.randomUUID().toString());
        body.put("userId", Long.toString(userId));
        body.put("createdAt", createdAt.toString());
        body.put("lastActivityAt", lastActivityAt.toString());
        body.put("currentState", "finalize");
        body.put("language", "en");
        body.put("status", status);
        body.put("conversationHistory", Map.of("messages", history));
        body.put("masterParameters", Map.of("power_source", Map.of("process", "MIG", "current_output", "500A")));
        body.put("responseJson", Map.of("PowerSource", Map.of("gin", "0446200880", "name", "Aristo 500ix",
                "type", "PowerSource")));
        body.put("agentLogs", List.of());
        body.put("finalized", "finalized".equals(status));
        body.put("messageCount", messages);
        body.put("productSelectionsCount", 1);
        return body;
    }

    public Response archive(Map<String, Object> session) {
        return asService(InternalArchiveResource.WRITER).body(session).post("/internal/archives");
    }
}
