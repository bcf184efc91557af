package io.polystore.payment.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.store.StoreFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MariaDB's duplicate-entry error (1062), through Hibernate Reactive and the plain Vert.x client, is a 409. */
@QuarkusTest
class UniqueKeyRaceTest {

    @Inject
    Pool pool;

    @Test
    void aDuplicateReferenceThroughHibernateReactiveIsA409() {
        String reference = "REF-" + UUID.randomUUID();
        given().when().post("/test/payments/" + reference).then().statusCode(200);
        given().when().post("/test/payments/" + reference)
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", is(409))
                .body(not(containsString("uk_payments_reference")))
                .body(not(containsString("Duplicate entry")))
                .body("detail", not(containsString(reference)));
    }

    @Test
    void aDuplicateReferenceThroughThePlainClientIsADuplicateKey() {
        String reference = "REF-" + UUID.randomUUID();
        String insert = "INSERT INTO payments (reference, payer_email, amount, currency) VALUES (?, 'p@example.com', 1,"
                + " 'EUR')";
        pool.preparedQuery(insert).execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10));
        Throwable failure = pool.preparedQuery(insert).execute(Tuple.of(reference)).onItem().<Throwable>transform(
                rows -> null).onFailure().recoverWithItem(e -> e).await().atMost(Duration.ofSeconds(10));
        assertEquals(StoreFailure.DUPLICATE_KEY, StoreFailure.of(failure), String.valueOf(failure));
    }
}
