package io.polystore.mandate.store;

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

/** PostgreSQL's unique violation (23505), through Hibernate Reactive and the plain Vert.x client, is a 409. */
@QuarkusTest
class UniqueKeyRaceTest {

    @Inject
    Pool pool;

    @Test
    void aSecondLiveCustomerWithOneReferenceThroughHibernateReactiveIsA409() {
        String tenant = "tenant-" + UUID.randomUUID();
        given().when().post("/test/customers/" + tenant + "/dup").then().statusCode(200);
        given().when().post("/test/customers/" + tenant + "/dup")
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", is(409))
                .body(not(containsString("uk_customers_tenant_external_ref")))
                .body("detail", not(containsString(tenant)));
    }

    @Test
    void aSecondLiveCustomerThroughThePlainClientIsADuplicateKey() {
        String tenant = "tenant-" + UUID.randomUUID();
        String insert = "INSERT INTO customers (tenant_id, external_ref, name, created_at, updated_at)"
                + " VALUES ($1, 'dup', 'x', now(), now())";
        pool.preparedQuery(insert).execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10));
        Throwable failure = pool.preparedQuery(insert).execute(Tuple.of(tenant)).onItem().<Throwable>transform(
                rows -> null).onFailure().recoverWithItem(e -> e).await().atMost(Duration.ofSeconds(10));
        assertEquals(StoreFailure.DUPLICATE_KEY, StoreFailure.of(failure), String.valueOf(failure));
    }
}
