package io.polystore.incident.openapi;

import io.polystore.testsupport.openapi.ApiDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * test-support's OpenAPI contract: the gateway as server, the API-key schemes, a license, an operationId and the key's
 * scope on every operation, problem answers, the stored document the served one. {@link OpenApiContractTest} holds this
 * service's operations to its code.
 */
@QuarkusTest
class ApiDocumentTest extends ApiDocumentContract {
}
