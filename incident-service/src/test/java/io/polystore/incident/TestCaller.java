package io.polystore.incident;

import static io.restassured.RestAssured.given;

import io.polystore.rest.identity.Caller;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A user with one API key, calling as the gateway would after authenticating that key. */
public record TestCaller(long userId, long keyId, String apiKey) {

    public RequestSpecification request() {
        return given().contentType(ContentType.JSON)
                .header(Caller.USER_ID_HEADER, userId)
                .header(Caller.KEY_ID_HEADER, keyId);
    }
}
