package io.polystore.catalog.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Neo4j's uniqueness constraint (ConstraintValidationFailed) answers 409, without the server's message. */
@QuarkusTest
class UniqueKeyRaceTest {

    @Test
    void aSecondProductWithOneGinIsA409() {
        String gin = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        given().when().post("/test/products/" + gin).then().statusCode(200).body(is(gin));
        given().when().post("/test/products/" + gin)
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", is(409))
                .body(not(containsString("product_gin_unique")))
                .body("detail", not(containsString(gin)));
    }
}
