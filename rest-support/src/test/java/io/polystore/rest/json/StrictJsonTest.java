package io.polystore.rest.json;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** JSON as strict as the API conventions say: every violation a 400 problem naming the field. */
@QuarkusTest
class StrictJsonTest {

    @Test
    void aValidBodyIsAccepted() {
        post("{\"name\":\"caf\\u00e9 \\ud83d\\ude00\",\"count\":2,\"tags\":[\"a\"],\"attributes\":{\"k\":\"v\"}}")
                .statusCode(200).body("name", is("café 😀")).body("count", is(2));
    }

    @Test
    void aDuplicateKeyIsA400NamingTheField() {
        badField(post("{\"name\":\"a\",\"name\":\"b\"}"), "name", "appears more than once");
    }

    @Test
    void aDuplicateKeyInANestedObjectNamesItsPath() {
        badField(post("{\"name\":\"a\",\"inner\":{\"label\":\"x\",\"label\":\"y\"}}"), "inner.label",
                "appears more than once");
    }

    @Test
    void aNumberOrABooleanIsNotAString() {
        badField(post("{\"name\":123}"), "name", "has the wrong type");
        badField(post("{\"name\":true}"), "name", "has the wrong type");
        badField(post("{\"name\":\"a\",\"tags\":[1]}"), "tags[0]", "has the wrong type");
        badField(post("{\"name\":\"a\",\"attributes\":{\"k\":1.5}}"), "attributes.k", "has the wrong type");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        badField(post("{\"name\":\"a\\ud800b\"}"), "name", StrictJsonCustomizer.NOT_UNICODE);
        badField(post("{\"name\":\"a\\udc00\"}"), "name", StrictJsonCustomizer.NOT_UNICODE);
        badField(post("{\"name\":\"a\",\"tags\":[\"\\ud800\"]}"), "tags[0]", StrictJsonCustomizer.NOT_UNICODE);
        post("{\"name\":\"a\",\"attributes\":{\"\\ud800\":\"v\"}}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownFieldAndBrokenJsonAreProblems() {
        badField(post("{\"name\":\"a\",\"count\":1,\"extra\":1}"), "extra", "is not a known field");
        post("{\"name\":").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", is("request body is not valid JSON"));
    }

    private static ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json).when().post("/test/echo").then();
    }

    private static void badField(ValidatableResponse response, String field, String message) {
        response.statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", is(400))
                .body("errors[0].field", is(field))
                .body("errors[0].message", is(message));
    }
}
