package io.polystore.payment.payment;

import static io.polystore.payment.Payers.payment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.payment.Payers;
import io.polystore.payment.Payers.Payer;
import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST API end to end against MariaDB and Redis: create with checks and fees, reads, pages, owner scoping. */
@QuarkusTest
class PaymentApiTest {

    @Inject
    Payers payers;

    static ExtractableResponse<Response> create(Payer payer, Map<String, Object> overrides) {
        return payer.request().body(payment(overrides)).post("/api/payments").then().statusCode(201).extract();
    }

    @Test
    void aCreatedPaymentHasAReferenceChecksAFeeAndAnETag() {
        Payer payer = payers.next();
        ExtractableResponse<Response> created = payer.request().body(payment(Map.of("amount", 990,
                "amountReceived", "990", "currency", "eur", "school", "Hermes School")))
                .post("/api/payments").then().statusCode(201)
                .header("ETag", is("\"0\""))
                .body("reference", matchesPattern("REF[0-9]{3,}"))
                .body("id", matchesPattern(PaymentIds.PATTERN))
                .body("amount", is("990.00"))
                .body("amountReceived", is("990.00"))
                .body("currency", is("EUR"))
                .body("feePercentage", is("2"))
                .body("feeAmount", is("19.80"))
                .body("finalAmount", is("1009.80"))
                .body("status", is("EXACT"))
                .body("validationStatus", is("PASSED"))
                .body("school", is("Hermes School"))
                .body("validations.checkType", contains("EMAIL_FORMAT", "AMOUNT_VALID", "AMOUNT_THRESHOLD_EXCEEDED",
                        "DUPLICATED_PAYMENT", "AMOUNT_MATCH"))
                .body("validations.checkResult", contains("PASS", "PASS", "PASS", "PASS", "PASS"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/payments/" + id), created.header("Location"));
        payer.request().get("/api/payments/" + id).then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("reference", is((String) created.path("reference")))
                .body("validations", hasSize(5));
        payer.request().get("/api/payments/by-reference/" + created.path("reference")).then().statusCode(200)
                .body("id", is(id));
    }

    @Test
    void feeTiersStatusesAndWarnings() {
        Payer payer = payers.next();
        create(payer, Map.of("amount", "30000.00", "amountReceived", "29000"))
                .response().then().body("feeAmount", is("600.00")).body("status", is("UNDERPAYMENT"))
                .body("validations.find { it.checkType == 'UNDER_PAYMENT' }.checkResult", is("WARN"))
                .body("validationStatus", is("PASSED"));
        create(payer, Map.of("amount", "30000.01", "amountReceived", "40000"))
                .response().then().body("feeAmount", is("900.00")).body("status", is("OVERPAYMENT"))
                .body("validations.find { it.checkType == 'DUPLICATED_PAYMENT' }.checkResult", is("WARN"));
        create(payer, Map.of("amount", 50001, "amountReceived", 50001, "currency", "JPY", "email", "B@X.example"))
                .response().then().body("feeAmount", is("2500")).body("amount", is("50001"))
                .body("feePercentage", is("5"));
        create(payer, Map.of("amount", "1000000.001", "amountReceived", "1000000.001", "currency", "BHD"))
                .response().then().body("feeAmount", is("50000.000")).body("finalAmount", is("1050000.001"))
                .body("validations.find { it.checkType == 'AMOUNT_THRESHOLD_EXCEEDED' }.checkResult", is("WARN"));
        // the same email in another case is a duplicate too
        create(payer, Map.of("email", "b@x.EXAMPLE"))
                .response().then().body("validations.find { it.checkType == 'DUPLICATED_PAYMENT' }.checkResult",
                        is("WARN"));
        create(payer, Map.of("email", "not an email"))
                .response().then().body("validationStatus", is("FAILED"))
                .body("validations.find { it.checkType == 'EMAIL_FORMAT' }.checkResult", is("FAIL"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        Payer payer = payers.next();
        List<Object[]> cases = List.of(new Object[]{Map.of("amount", "0"), "amount"},
                new Object[]{Map.of("amount", "-5"), "amount"},
                new Object[]{Map.of("amount", "10.001"), "amount"},
                new Object[]{Map.of("currency", "JPY", "amount", "10.5", "amountReceived", "10"), "amount"},
                new Object[]{Map.of("amountReceived", "-1"), "amountReceived"},
                new Object[]{Map.of("amount", "1e3"), "amount"},
                new Object[]{Map.of("amount", true), "amount"},
                new Object[]{Map.of("currency", "EURO"), "currency"},
                new Object[]{Map.of("currency", "XYZ"), "currency"},
                new Object[]{Map.of("currency", "XAU"), "currency"},
                new Object[]{Map.of("payerName", " "), "payerName"},
                new Object[]{Map.of("email", "x".repeat(255)), "email"},
                new Object[]{Map.of("unknown", 1), "unknown"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> overrides = (Map<String, Object>) c[0];
            payer.request().body(payment(overrides)).post("/api/payments").then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", org.hamcrest.Matchers.hasItem(endsWith((String) c[1])));
        }
        payer.request().get("/api/payments?limit=0").then().statusCode(400).body("errors[0].field", is("limit"));
        payer.request().get("/api/payments?status=exact").then().statusCode(400)
                .body("errors[0].field", is("status"));
        payer.request().get("/api/payments?from=yesterday").then().statusCode(400)
                .body("errors[0].field", is("from"));
        payer.request().get("/api/payments?cursor=abc").then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        payer.request().get("/api/payments").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pagesAreKeysetPagesNewestFirstWithFilters() {
        Payer payer = payers.next();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            references.add(create(payer, Map.of("amountReceived", i % 2 == 0 ? "990" : "10")).path("reference"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ExtractableResponse<Response> page = payer.request().queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/payments")
                    .then().statusCode(200).body("items.validations", org.hamcrest.Matchers.everyItem(nullValue()))
                    .extract();
            seen.addAll(page.path("items.reference"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        java.util.Collections.reverse(references);
        assertEquals(references, seen);
        java.util.Collections.reverse(references);
        payer.request().get("/api/payments?status=UNDERPAYMENT").then().statusCode(200)
                .body("items.reference", contains(references.get(3), references.get(1)));
        payer.request().get("/api/payments?validationStatus=FAILED").then().statusCode(200).body("items", hasSize(0));
        payer.request().get("/api/payments?email=ADA@example.com&limit=1").then().statusCode(200)
                .body("items.reference", contains(references.get(4)));
        payer.request().get("/api/payments?to=2000-01-01T00:00:00Z").then().statusCode(200).body("items", hasSize(0));
        payer.request().get("/api/payments?from=2000-01-01T00:00:00Z").then().statusCode(200)
                .body("items", hasSize(5));
    }

    @Test
    void anotherUsersPaymentIsNotFound() {
        Payer owner = payers.next();
        Payer other = payers.next();
        ExtractableResponse<Response> created = create(owner, Map.of());
        String id = created.path("id");
        String reference = created.path("reference");
        for (String path : List.of("/api/payments/" + id, "/api/payments/by-reference/" + reference,
                "/api/payments/" + id + "/audit")) {
            other.request().get(path).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                    .body("detail", not(org.hamcrest.Matchers.containsString("owner")));
        }
        other.request().header("If-Match", "*").body(Map.of("status", "COMPLETED")).patch("/api/payments/" + id)
                .then().statusCode(404);
        other.request().get("/api/payments").then().statusCode(200).body("items", hasSize(0));
        owner.request().get("/api/payments/" + id).then().statusCode(200);
        owner.request().get("/api/payments/by-reference/REF0").then().statusCode(404);
        owner.request().get("/api/payments/" + id.toUpperCase(java.util.Locale.ROOT)).then().statusCode(404);
    }
}
