package io.polystore.testsupport.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other half of the health contract: with its stores unreachable ({@link StoresDown}), readiness answers 503 with
 * each store's check DOWN, named as the gateway reports it and carrying the reason; liveness stays UP, so an outage
 * never gets the instance restarted. A service runs it with {@code @QuarkusTest @TestProfile(MyStoresDown.class) class
 * StoreDownTest extends StoreDownContract { ... }}.
 */
public abstract class StoreDownContract {

    /** The readiness checks of this service's stores, named as the gateway reports them. */
    protected abstract List<String> stores();

    @Test
    void readinessIs503WithEachStoreDownAndItsReason() {
        client().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.name", containsInAnyOrder(stores().toArray()))
                .body("checks.status", everyItem(is("DOWN")))
                .body("checks.data.error", everyItem(not(emptyOrNullString())));
    }

    @Test
    void livenessStaysUp() {
        client().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    /** Gives up after 15 s, far above any readiness deadline: a hung check fails the test instead of the build. */
    private static RequestSpecification client() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 15_000)));
    }
}
