package io.polystore.payment.payment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH under If-Match through the transition table, each change audited with the gateway-seen address. */
@QuarkusTest
class PaymentLifecycleTest {

    @Inject
    Payers payers;

    @Test
    void statusChangesFollowTheTableUnderIfMatchAndAreAudited() {
        Payer payer = payers.next();
        String id = PaymentApiTest.create(payer, Map.of()).path("id");
        String path = "/api/payments/" + id;
        payer.request().header("If-Match", "\"0\"").header("User-Agent", "smoke/1.0")
                .header("X-Forwarded-For", "203.0.113.7")
                .body(Map.of("status", "COMPLETED")).patch(path)
                .then().statusCode(200).header("ETag", is("\"1\"")).body("status", is("COMPLETED"))
                .body("validations", hasSize(5));
        // stale version: nothing applied
        payer.request().header("If-Match", "\"0\"").body(Map.of("status", "REFUNDED")).patch(path)
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        // not in the table
        payer.request().header("If-Match", "\"1\"").body(Map.of("status", "FAILED")).patch(path)
                .then().statusCode(409).body("currentStatus", is("COMPLETED")).body("allowed", contains("REFUNDED"));
        payer.request().header("If-Match", "1").body(Map.of("status", "REFUNDED")).patch(path)
                .then().statusCode(400).body("errors[0].field", is("If-Match"));
        payer.request().body(Map.of()).patch(path).then().statusCode(400);
        payer.request().body(Map.of("status", "refunded")).patch(path).then().statusCode(400)
                .body("errors[0].field", is("status"));
        payer.request().header("If-Match", "\"1\"").body(Map.of("status", "REFUNDED", "description", "returned"))
                .patch(path).then().statusCode(200).header("ETag", is("\"2\"")).body("description", is("returned"));
        payer.request().body(Map.of("status", "COMPLETED")).patch(path).then().statusCode(409)
                .body("allowed", hasSize(0));
        payer.request().get(path + "/audit").then().statusCode(200)
                .body("action", contains("CREATE", "STATUS_CHANGE", "STATUS_CHANGE"))
                .body("[0].oldValue", nullValue())
                .body("[0].newValue.amount", is("990.00"))
                .body("[1].oldValue.status", is("EXACT"))
                .body("[1].newValue.status", is("COMPLETED"))
                .body("[1].userAgent", is("smoke/1.0"))
                // the test client connects from 127.0.0.1, a trusted gateway address: its X-Forwarded-For counts
                .body("[1].ipAddress", is("203.0.113.7"))
                .body("[2].ipAddress", is("127.0.0.1"))
                .body("[2].newValue.description", is("returned"))
                .body("[1].keyId", is((int) payer.keyId()))
                .body("[1].userId", is((int) payer.userId()));
    }

    @Test
    void aPaymentWhoseChecksFailedCanOnlyFailAndTheUserAgentIsBounded() {
        Payer payer = payers.next();
        String id = PaymentApiTest.create(payer, Map.of("email", "nope")).path("id");
        String path = "/api/payments/" + id;
        payer.request().body(Map.of("status", "COMPLETED")).patch(path).then().statusCode(409)
                .body("allowed", contains("FAILED"));
        payer.request().header("User-Agent", "u".repeat(2000)).body(Map.of("status", "FAILED")).patch(path)
                .then().statusCode(200).body("status", is("FAILED"));
        payer.request().get(path + "/audit").then().statusCode(200)
                .body("[1].userAgent.length()", is(512));
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersion() {
        Payer payer = payers.next();
        String id = PaymentApiTest.create(payer, Map.of()).path("id");
        payer.request().body(Map.of("status", "EXACT")).patch("/api/payments/" + id).then().statusCode(200)
                .header("ETag", is("\"0\""));
        payer.request().get("/api/payments/" + id + "/audit").then().statusCode(200).body("action",
                contains("CREATE"));
    }
}
